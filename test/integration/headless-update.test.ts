// The headless agent's self-update against a real hub process: the admin uploads a bundle and
// registers metadata signed with their own key; the agent asks release:check, verifies the
// signature, downloads the file checking the signed SHA-512, unpacks it with tar and stages it on
// trial; a version that never proves itself is rolled back after three starts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileBuffered, generateReleaseKey, MAX_TRIAL_STARTS, parseAck, signRelease, updateOnce, UpdateSlots } from '@deskside/agent-core';
import { NAMESPACES, PROTOCOL_VERSION, newId, type AgentUpdateFile, type EnrollResponse } from '@deskside/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('headless self-update', () => {
  let hub: TestHub;
  let socket: Socket;
  let admin = '';
  const dir = mkdtempSync(join(tmpdir(), 'deskside-headless-update-'));
  const key = generateReleaseKey();

  beforeAll(async () => {
    hub = await startHub();
    admin = await hub.login();
    const enrolled = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, enrollToken: TEST_ENROLL_TOKEN, deviceId: newId(), machineId: 'headless-update-machine', hostname: 'SRV-UPDATE', agentVersion: '1.0.0' }),
    });
    const device = (await enrolled.json()) as EnrollResponse;
    socket = connect(`${hub.url}${NAMESPACES.agent}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceKey: device.deviceKey } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    socket?.disconnect();
    await hub?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: unknown, raw?: Buffer) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': raw ? 'application/octet-stream' : 'application/json' },
      ...(raw ? { body: new Uint8Array(raw) } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('verifies, downloads, unpacks and stages the release the hub offers; rolls back one that never proves itself', async () => {
    // The new version's bundle, as the release build would pack it.
    const src = join(dir, 'src');
    mkdirSync(join(src, 'bundle'), { recursive: true });
    writeFileSync(join(src, 'bundle', 'cli.js'), 'export const version = "1.1.0";\n');
    const archive = join(dir, 'deskside-agent-1.1.0-linux-x64.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', src, 'bundle']);
    const uploaded = await api('PUT', '/api/v1/agent-update-files/deskside-agent-1.1.0-linux-x64.tar.gz', undefined, readFileSync(archive));
    expect(uploaded.status).toBe(201);
    const file = uploaded.body as unknown as AgentUpdateFile;
    const signed = signRelease(
      {
        v: 1,
        channel: 'stable',
        version: '1.1.0',
        issuedAt: new Date(Date.now() - 60_000).toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        rollback: false,
        notes: '',
        files: [{ platform: 'linux', arch: 'x64', kind: 'headless', url: file.url, sha512: file.sha512, size: file.size }],
      },
      key.privateKeyPem,
    );
    const registered = await api('POST', '/api/v1/agent-releases', { signed, rollout: { state: 'rolling', percent: 100 } });
    expect(registered.status).toBe(201);

    const slots = new UpdateSlots(join(dir, 'updates'));
    const deps = {
      connection: { send: async (event: 'release:check', payload: unknown, timeoutMs: number) => parseAck(event, await socket.timeout(timeoutMs).emitWithAck(event, payload)) },
      slots,
      hubUrl: hub.url,
      trusted: [key.trusted],
      self: { installedVersion: '1.0.0', channel: 'stable', platform: 'linux', arch: 'x64' } as const,
      exec: execFileBuffered,
      now: () => Date.now(),
    };
    // An agent trusting another key refuses the same offer, and stages nothing.
    expect(await updateOnce({ ...deps, trusted: [generateReleaseKey().trusted] })).toMatchObject({ outcome: 'refused', decision: { reason: 'unknown_key' } });
    expect((await slots.read()).trial).toBeNull();

    expect(await updateOnce(deps)).toEqual({ outcome: 'restart', version: '1.1.0' });
    expect(readFileSync(join(slots.versionDir('1.1.0'), 'bundle', 'cli.js'), 'utf8')).toContain('1.1.0');
    // The service restarts into it; it never proves itself, so after the trial starts the installed version runs again.
    for (let i = 0; i < MAX_TRIAL_STARTS; i++) expect((await slots.boot()).version).toBe('1.1.0');
    expect(await slots.boot()).toEqual({ version: null, rolledBack: '1.1.0' });
    // The hub still offers 1.1.0, but this machine does not try it again.
    expect(await updateOnce(deps)).toMatchObject({ outcome: 'refused', decision: { reason: 'failed_before' } });
    // The Releases page counts the device on the version it reported.
    const list = await fetch(`${hub.url}/api/v1/agent-releases`, { headers: { authorization: `Bearer ${admin}` } });
    expect(((await list.json()) as { versions: unknown[] }).versions).toEqual([{ channel: 'stable', version: '1.0.0', devices: 1 }]);
  }, 60_000);
});
