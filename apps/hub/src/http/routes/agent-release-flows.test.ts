import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { NAMESPACES, PROTOCOL_VERSION, newId, type AgentRelease, type AgentReleaseCheckAck, type AgentReleaseListResponse, type AgentReleaseManifest, type AgentUpdateFile, type EnrollResponse, type SignedAgentRelease } from '@deskside/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// Agent releases end to end on an in-process hub: upload, register signed metadata, rings,
// pause, withdraw, a signed rollback, and what real agent sockets are told to run.
const PASSWORD = 'release-flows-password-01';
const ENROLL = 'release-flows-enrol-token-0123';
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

const { privateKey } = generateKeyPairSync('ed25519');
const signed = (manifest: AgentReleaseManifest): SignedAgentRelease => {
  const text = JSON.stringify(manifest);
  // The hub only keeps and forwards the signature (agents verify it); the key id is any 16 hex digits here.
  return { manifest: text, keyId: '00112233aabbccdd', signature: sign(null, Buffer.from(text), privateKey).toString('base64') };
};
const hour = 3600_000;

describe('agent releases', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  const agents: Socket[] = [];

  const call = async (p: string, init: { method?: string; token?: string; body?: unknown; raw?: Buffer } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.raw ? { 'content-type': 'application/octet-stream' } : {}),
        ...(init.token !== '' ? { authorization: `Bearer ${init.token ?? admin}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : init.raw ? { body: init.raw } : {}),
    });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? ((await res.json()) as Json) : ({ text: await res.text(), type } as Json);
    return { status: res.status, body };
  };
  const enrolAgent = async (hostname: string): Promise<Socket> => {
    const enrolled = await call('/api/v1/enroll', {
      method: 'POST',
      token: '',
      body: { protocolVersion: PROTOCOL_VERSION, enrollToken: ENROLL, deviceId: newId(), machineId: `machine-${hostname}`, hostname, agentVersion: '1.0.0' },
    });
    const device = enrolled.body as unknown as EnrollResponse;
    const socket = connect(`${hub.url}${NAMESPACES.agent}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceKey: device.deviceKey } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    agents.push(socket);
    return socket;
  };
  const check = async (socket: Socket, installedVersion: string, kind = 'headless') => {
    const ack = (await socket.timeout(10_000).emitWithAck('release:check', { installedVersion, channel: 'stable', platform: 'linux', arch: 'x64', kind })) as Ack<AgentReleaseCheckAck>;
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data.release;
  };

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_ENROLL_TOKEN: ENROLL }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = (await call('/api/v1/login', { method: 'POST', token: '', body: { username: 'admin', password: PASSWORD } })).body['token'] as string;
  });
  afterAll(async () => {
    for (const a of agents) a.disconnect();
    await hub.close();
    dir.remove();
  });

  it('uploads a file, registers its signed release, rolls it out by rings, pauses, withdraws and rolls back', async () => {
    const bytes = Buffer.from('deskside-agent 1.1.0 bundle bytes');
    const uploaded = await call('/api/v1/agent-update-files/deskside-agent-1.1.0-linux-x64.tar.gz', { method: 'PUT', raw: bytes });
    expect(uploaded.status).toBe(201);
    const file = uploaded.body as unknown as AgentUpdateFile;
    expect(file).toEqual({ file: 'deskside-agent-1.1.0-linux-x64.tar.gz', url: '/agent-updates/files/deskside-agent-1.1.0-linux-x64.tar.gz', sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length });
    expect((await call('/api/v1/agent-update-files/deskside-agent-1.1.0-linux-x64.tar.gz', { method: 'PUT', raw: Buffer.from('other') })).status).toBe(409);
    expect((await call('/api/v1/agent-update-files/..%2Fsecrets.key', { method: 'PUT', raw: bytes })).status).toBe(400);
    const served = await fetch(`${hub.url}${file.url}`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);

    const now = Date.now();
    const manifest = (version: string, issuedAt: number, extra: Partial<AgentReleaseManifest> = {}): AgentReleaseManifest => ({
      v: 1,
      channel: 'stable',
      version,
      issuedAt: new Date(issuedAt).toISOString(),
      expiresAt: new Date(now + 30 * 24 * hour).toISOString(),
      rollback: false,
      notes: 'Faster inventory.',
      files: [
        { platform: 'linux', arch: 'x64', kind: 'headless', url: file.url, sha512: file.sha512, size: file.size },
        { platform: 'win32', arch: 'x64', kind: 'nsis', url: 'https://downloads.example.com/Deskside-Agent-Setup-1.1.0.exe', sha512: file.sha512, size: 123 },
      ],
      ...extra,
    });
    const forged = manifest('1.1.0', now - hour, { files: [{ platform: 'linux', arch: 'x64', kind: 'headless', url: file.url, sha512: createHash('sha512').update('x').digest('base64'), size: file.size }] });
    expect((await call('/api/v1/agent-releases', { method: 'POST', body: { signed: signed(forged) } })).body.error?.message).toContain('does not match the signed size and SHA-512');
    expect((await call('/api/v1/agent-releases', { method: 'POST', body: { signed: signed(manifest('1.1.0', now - 2 * hour, { expiresAt: new Date(now - hour).toISOString() })) } })).status).toBe(400);
    const plainHttp = manifest('1.1.0', now - hour, { files: [{ platform: 'win32', arch: 'x64', kind: 'nsis', url: 'http://example.com/a.exe', sha512: file.sha512, size: 1 }] });
    expect((await call('/api/v1/agent-releases', { method: 'POST', body: { signed: signed(plainHttp) } })).status).toBe(400);

    const v110 = signed(manifest('1.1.0', now - hour));
    const registered = await call('/api/v1/agent-releases', { method: 'POST', body: { signed: v110 } });
    expect(registered.status).toBe(201);
    const release = registered.body as unknown as AgentRelease;
    expect(release).toMatchObject({ version: '1.1.0', channel: 'stable', rollout: { state: 'paused', percent: 0, pilotGroupIds: [], siteIds: [] } });
    expect((await call('/api/v1/agent-releases', { method: 'POST', body: { signed: v110 } })).status).toBe(409);

    const pilot = await enrolAgent('PC-PILOT-1');
    const others = [await enrolAgent('PC-OFFICE-1'), await enrolAgent('PC-OFFICE-2')];
    expect(await check(pilot, '1.0.0')).toBeNull();

    // Ring 1: the pilot group only.
    const group = await call('/api/v1/groups', { method: 'POST', body: { name: 'Pilot PCs', kind: 'filter', filter: { q: 'PILOT' } } });
    expect(group.status).toBe(201);
    const groupId = group.body['id'] as string;
    const rolling = await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { state: 'rolling', pilotGroupIds: [groupId] } });
    expect(rolling.body).toMatchObject({ rollout: { state: 'rolling', pilotGroupIds: [groupId], percent: 0 } });
    expect(await check(pilot, '1.0.0')).toEqual({ id: release.id, signed: v110 });
    expect(await check(pilot, '1.0.0', 'rpm')).toBeNull();
    for (const o of others) expect(await check(o, '1.0.0')).toBeNull();
    expect(await check(pilot, '1.1.0')).toBeNull();

    // Ring 2: everyone; then paused: nobody new is offered it.
    await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { percent: 100 } });
    for (const o of others) expect((await check(o, '1.0.0'))?.id).toBe(release.id);
    await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { state: 'paused' } });
    expect(await check(others[0]!, '1.0.0')).toBeNull();
    expect((await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { siteIds: [newId()] } })).status).toBe(400);

    // Withdrawn for good, and a rollback the admin signed takes the devices that got it back to 1.0.0.
    await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { state: 'withdrawn' } });
    expect((await call(`/api/v1/agent-releases/${release.id}`, { method: 'PATCH', body: { state: 'rolling' } })).status).toBe(409);
    const back = signed(manifest('1.0.0', now, { rollback: true }));
    const rollback = await call('/api/v1/agent-releases', { method: 'POST', body: { signed: back, rollout: { state: 'rolling', percent: 100 } } });
    expect(rollback.status).toBe(201);
    expect(await check(pilot, '1.1.0')).toEqual({ id: (rollback.body as unknown as AgentRelease).id, signed: back });
    expect(await check(others[1]!, '1.0.0')).toBeNull();

    // The console sees both releases and the versions devices reported.
    const list = (await call('/api/v1/agent-releases')).body as unknown as AgentReleaseListResponse;
    expect(list.releases.map((r) => [r.version, r.rollback, r.rollout.state])).toEqual([['1.0.0', true, 'rolling'], ['1.1.0', false, 'withdrawn']]);
    expect(list.versions).toEqual([
      { channel: 'stable', version: '1.0.0', devices: 2 },
      { channel: 'stable', version: '1.1.0', devices: 1 },
    ]);
    const audit = await call('/api/v1/audit?action=agent-release.rollout');
    expect(JSON.stringify(audit.body)).toContain('agent-release.rollout');
  });

  it('serves electron-updater channel files built from the signed manifest, publicly', async () => {
    const { releases } = (await call('/api/v1/agent-releases')).body as unknown as AgentReleaseListResponse;
    const withdrawn = releases.find((r) => r.version === '1.1.0')!;
    const feed = await call(`/agent-updates/releases/${withdrawn.id}/latest.yml`, { token: '' });
    expect(feed.status).toBe(200);
    expect(feed.body['type']).toContain('text/yaml');
    const nsis = withdrawn.files.find((f) => f.kind === 'nsis')!;
    expect(feed.body['text']).toBe(`version: "1.1.0"\nfiles:\n  - url: ${JSON.stringify(nsis.url)}\n    sha512: "${nsis.sha512}"\n    size: 123\npath: ${JSON.stringify(nsis.url)}\nsha512: "${nsis.sha512}"\nreleaseDate: "${withdrawn.issuedAt}"\n`);
    expect((await call(`/agent-updates/releases/${withdrawn.id}/latest-mac.yml`, { token: '' })).status).toBe(404);
    expect((await call(`/agent-updates/releases/${withdrawn.id}/secrets.key`, { token: '' })).status).toBe(404);
    expect((await call(`/agent-updates/releases/not-an-id/latest.yml`, { token: '' })).status).toBe(404);
  });

  it('lets only admins publish; auditors read', async () => {
    await call('/api/v1/users', { method: 'POST', body: { username: 'tech', displayName: 'Tech', role: 'technician', password: PASSWORD } });
    await call('/api/v1/users', { method: 'POST', body: { username: 'audit', displayName: 'Audit', role: 'auditor', password: PASSWORD } });
    const login = async (username: string) => (await call('/api/v1/login', { method: 'POST', token: '', body: { username, password: PASSWORD } })).body['token'] as string;
    const tech = await login('tech');
    const auditor = await login('audit');
    expect((await call('/api/v1/agent-releases', { token: tech })).status).toBe(403);
    expect((await call('/api/v1/agent-releases', { token: auditor })).status).toBe(200);
    expect((await call('/api/v1/agent-update-files/x.zip', { method: 'PUT', token: auditor, raw: Buffer.from('x') })).status).toBe(403);
    expect((await call('/api/v1/agent-releases')).status).toBe(200);
  });
});
