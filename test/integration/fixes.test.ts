// Issue 18: a consented fix end to end, over the built hub process, a real agent-core runtime and
// real socket.io: requested over HTTP → signed → the agent asks → approved → run for real on
// temp dirs → result stored and noted on the ticket; bad requests refused with 400/409; an agent's
// refusal of a request this hub never sent lands in the audit log.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAgentRuntime, createFixDesk, Outbox, silentLogger, systemClock, type AgentRuntime } from '@deskside/agent-core';
import { AuditListResponseSchema, FixBulkPreviewSchema, FixBulkResultSchema, FixActionListResponseSchema, FixRunListResponseSchema, FixRunResponseSchema, TicketDetailSchema, type FixRun } from '@deskside/protocol';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const GB = 1024 ** 3;

async function poll<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(process.platform === 'linux')('consented fixes, end to end', () => {
  let hub: TestHub;
  let token: string;
  let agent: AgentRuntime;
  let stateDir: string;
  let tmpRoot: string;
  let deviceId: string;

  const api = async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(hub.url + pathname, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    stateDir = mkdtempSync(path.join(tmpdir(), 'deskside-fixes-agent-'));
    tmpRoot = mkdtempSync(path.join(tmpdir(), 'deskside-fixes-temp-'));
    const clock = systemClock();
    const outbox = await Outbox.open(path.join(stateDir, 'outbox'));
    agent = await createAgentRuntime({
      stateDir,
      logger: silentLogger,
      overrides: {
        outbox,
        fixes: createFixDesk({ stateDir, clock, logger: silentLogger, outbox, overrides: { elevated: false, env: { tmpDir: tmpRoot, home: path.join(tmpRoot, 'home'), linuxPackageManager: 'apt', systemRoot: '' } } }),
        hostname: () => 'FIX-PC',
        machineId: () => Promise.resolve('fixes-machine-0123456789abcdef'),
        collectInventory: () => Promise.resolve({ schemaVersion: 1, collectedAt: new Date().toISOString(), agentVersion: 'it', probes: [], os: { platform: 'linux', distro: null, release: null, build: null, codename: null, kernel: null, arch: null, hostname: 'FIX-PC', fqdn: null, timezone: null, lastBootAt: null } }),
        sampleMetrics: () => Promise.resolve({ cpuPercent: 3, memUsedBytes: GB, memTotalBytes: 8 * GB, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 600 }),
      },
    });
    await agent.start({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN });
    deviceId = (JSON.parse(readFileSync(path.join(stateDir, 'agent-state.json'), 'utf8')) as { deviceId: string }).deviceId;
    await poll(async () => ((await api('GET', `/api/v1/devices/${deviceId}`)).body as { status?: string }).status === 'online' || undefined, 'the device to be online');
  });

  afterAll(async () => {
    await agent?.stop();
    await hub?.cleanup();
  });

  it('pins the hub key at enrolment and lists the catalogue', async () => {
    const state = JSON.parse(readFileSync(path.join(stateDir, 'agent-state.json'), 'utf8')) as { actionKey?: string };
    expect(state.actionKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const catalogue = FixActionListResponseSchema.parse((await hub.get('/api/v1/actions', token)).body);
    expect(catalogue.actions.map((a) => a.id)).toContain('clear-temp-files');
    expect(catalogue.actions.every((a) => a.allowed)).toBe(true);
  });

  it('a technician runs "clear temporary files" from a ticket; the employee approves; the result is noted on the ticket', async () => {
    const old = Date.now() / 1000 - 3 * 86_400;
    writeFileSync(path.join(tmpRoot, 'old.tmp'), Buffer.alloc(5000, 1));
    utimesSync(path.join(tmpRoot, 'old.tmp'), old, old);
    writeFileSync(path.join(tmpRoot, 'new.tmp'), Buffer.alloc(100, 1));
    const created = await api('POST', '/api/v1/tickets', { subject: 'Disk full', description: 'No space left', impact: 'low', urgency: 'medium', deviceId });
    expect(created.status).toBe(201);
    const ticketId = (created.body as { id: string }).id;

    const fixes = agent.fixes;
    if (!fixes) throw new Error('no fix desk');
    fixes.attachAsker();
    const asked = poll(async () => fixes.pending()[0], 'the consent question');
    const requested = await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'clear-temp-files', params: { olderThanDays: 1, emptyRecycleBin: false }, ticketId });
    expect(requested.status).toBe(202);
    const run = FixRunResponseSchema.parse(requested.body).run;
    expect(run).toMatchObject({ state: 'requested', ticketId, action: 'clear-temp-files' });

    const question = await asked;
    expect(question).toMatchObject({ runId: run.id, title: 'Clear temporary files', requestedBy: expect.any(String), reason: expect.stringContaining('Disk full') });
    // While it waits for consent, the device's one slot is taken.
    expect((await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'flush-dns', params: {} })).status).toBe(409);
    expect(fixes.answer(run.id, 'approve')).toBe(true);

    const done = await poll(async () => {
      const runs = FixRunListResponseSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}/actions`, token)).body).runs;
      return runs.find((r: FixRun) => r.id === run.id && r.state === 'succeeded');
    }, 'the run to succeed');
    expect(done).toMatchObject({ exitCode: 0, bytesFreed: 5000 });
    expect(existsSync(path.join(tmpRoot, 'old.tmp'))).toBe(false);
    expect(existsSync(path.join(tmpRoot, 'new.tmp'))).toBe(true);
    const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
    const note = detail.events.find((e) => e.type === 'note' && e.body?.startsWith('Fix "Clear temporary files" succeeded'));
    expect(note).toMatchObject({ visibility: 'internal', actor: { type: 'system' } });
    expect(note?.body).toContain('4.9 KB freed');
    const deviceRuns = FixRunListResponseSchema.parse((await hub.get(`/api/v1/devices/${deviceId}/actions`, token)).body).runs;
    expect(deviceRuns[0]?.id).toBe(run.id);
    const audit = AuditListResponseSchema.parse((await hub.get('/api/v1/audit?limit=50', token)).body).entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['fix.requested', 'fix.awaiting-consent', 'fix.running', 'fix.succeeded']));
  });

  it('refuses unknown actions, out-of-range or unapproved parameters (400) and an admin-only fix is refused by the agent', async () => {
    expect((await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'run-shell', params: { command: 'id' } })).status).toBe(400);
    expect((await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'clear-temp-files', params: { olderThanDays: 9999, emptyRecycleBin: false } })).status).toBe(400);
    expect((await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'restart-service', params: { service: 'sshd' } })).status).toBe(400);
    expect((await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'restart-service', params: { service: '--now' } })).status).toBe(400);

    const asked = await api('POST', `/api/v1/devices/${deviceId}/actions`, { action: 'restart-service', params: { service: 'cups' } });
    expect(asked.status).toBe(202);
    const run = FixRunResponseSchema.parse(asked.body).run;
    const refused = await poll(async () => FixRunListResponseSchema.parse((await hub.get(`/api/v1/devices/${deviceId}/actions`, token)).body).runs.find((r) => r.id === run.id && r.state === 'refused'), 'the refusal');
    expect(refused.message).toMatch(/needs administrator rights.*service install/);
  });

  it('a forged request reaching the agent is refused, and the hub records the report', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const request = {
      runId: '01JF00000000000000000F0RGE',
      deviceId,
      action: 'clear-temp-files' as const,
      params: { olderThanDays: 0, emptyRecycleBin: true },
      ticketId: null,
      reason: 'x',
      requestedBy: 'attacker',
      origin: 'technician' as const,
      consent: 'unattended' as const,
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    mkdirSync(path.join(tmpRoot, 'home'), { recursive: true });
    await agent.fixes?.handle({ request, signature: sign(null, Buffer.from(JSON.stringify(request)), privateKey).toString('base64url') });
    const entry = await poll(async () => AuditListResponseSchema.parse((await hub.get('/api/v1/audit?limit=50', token)).body).entries.find((e) => e.action === 'fix.unknown-request-reported'), 'the audit entry');
    expect(entry).toMatchObject({ target: `device:${deviceId}`, details: { runId: '01JF00000000000000000F0RGE', state: 'refused' } });
    expect(String(entry.details['message'])).toContain('forged');
    expect(existsSync(path.join(tmpRoot, 'new.tmp'))).toBe(true);
  });

  it('a fix for a group: the preview names the devices it reaches, then each gets its own signed run', async () => {
    const group = await api('POST', '/api/v1/groups', { name: 'Fix group', kind: 'filter', filter: { q: 'FIX-PC' } });
    expect(group.status).toBe(201);
    const groupId = (group.body as { id: string }).id;
    const body = { action: 'collect-logs', params: { sinceHours: 1 } };
    const preview = FixBulkPreviewSchema.parse((await api('POST', `/api/v1/groups/${groupId}/actions/preview`, body)).body);
    expect(preview.devices).toEqual([{ deviceId, hostname: 'FIX-PC', outcome: 'ready' }]);
    expect((await api('POST', `/api/v1/groups/${groupId}/actions/preview`, { action: 'collect-logs', params: { sinceHours: 0 } })).status).toBe(400);
    const fixes = agent.fixes;
    if (!fixes) throw new Error('no fix desk');
    const asked = poll(async () => fixes.pending()[0], 'the consent question');
    const started = await api('POST', `/api/v1/groups/${groupId}/actions`, body);
    expect(started.status).toBe(202);
    const result = FixBulkResultSchema.parse(started.body);
    expect(result.runs.map((r) => r.deviceId)).toEqual([deviceId]);
    expect(result.skipped).toEqual([]);
    expect(fixes.answer((await asked).runId, 'decline')).toBe(true);
    await poll(async () => FixRunListResponseSchema.parse((await hub.get(`/api/v1/devices/${deviceId}/actions`, token)).body).runs.find((r) => r.id === result.runs[0]?.id && r.state === 'declined'), 'the declined run');
    expect((await api('POST', '/api/v1/groups/01JF000000000000000000NG0P/actions/preview', body)).status).toBe(404);
  });
});
