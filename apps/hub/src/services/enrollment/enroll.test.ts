import { newId, PROTOCOL_VERSION, type EnrollRequest } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { sha256Hex } from '../auth/secrets.js';
import { enroll, type EnrollDeps } from './enroll.js';
import { deviceKeyMatches, hashDeviceKey } from './device-key.js';

const TOKEN = 'enrol-token-for-tests';

async function addToken(store: Store, siteId: string, token: string, extra: { maxUses?: number; expiresAt?: Date; revokedAt?: Date } = {}) {
  const id = newId();
  await store.enrollTokens.create({
    id,
    tokenHash: sha256Hex(token),
    siteId,
    label: 'test',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: extra.expiresAt ?? null,
    maxUses: extra.maxUses ?? null,
    uses: 0,
    revokedAt: extra.revokedAt ?? null,
  });
  return id;
}

function request(overrides: Partial<EnrollRequest> = {}): EnrollRequest {
  return {
    protocolVersion: PROTOCOL_VERSION,
    enrollToken: TOKEN,
    deviceId: newId(),
    machineId: `machine-${newId()}`,
    hostname: 'PC-FRONT-DESK',
    agentVersion: '0.1.0',
    ...overrides,
  };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  return p.then(
    () => ({ code: 'none', message: '' }),
    (e: unknown) => e as { code: string; message: string },
  );
}

describe('enroll', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let deps: EnrollDeps;
  const siteId = newId();

  beforeEach(async () => {
    temp = await tempStore();
    const time = fakeClock();
    deps = { store: temp.store, clock: time.clock, logger: silentLogger(), config: { heartbeatSeconds: 20 } };
    await temp.store.sites.create({ id: siteId, name: 'Main office', createdAt: time.clock() });
    await addToken(temp.store, siteId, TOKEN);
  });
  afterEach(() => temp.cleanup());

  it('hands the configured inventory cadence to the new agent in its first policy', async () => {
    const inventoryIntervals = { volatileSeconds: 600, softwareSeconds: 1800, hardwareSeconds: 1800, fullSeconds: 43_200 };
    const answer = await enroll({ ...deps, config: { heartbeatSeconds: 20, inventoryIntervals } }, request());
    expect(answer.policy).toEqual({ heartbeatSeconds: 20, inventorySeconds: 3600, inventoryIntervals });
  });

  it('creates the device in the token’s site and answers a key it stores only hashed', async () => {
    const req = request();
    const answer = await enroll(deps, req);
    expect(answer).toMatchObject({ deviceId: req.deviceId, siteId, policy: { heartbeatSeconds: 20 } });
    expect(answer.deviceKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.policy.inventoryIntervals).toBeUndefined();
    const device = await temp.store.devices.findById(req.deviceId);
    expect(device).toMatchObject({ siteId, machineId: req.machineId, hostname: 'PC-FRONT-DESK' });
    expect(device?.keyHash).toBe(hashDeviceKey(answer.deviceKey));
    expect(device?.keyHash).not.toContain(answer.deviceKey);
    expect(deviceKeyMatches(answer.deviceKey, device?.keyHash ?? '')).toBe(true);
    expect(deviceKeyMatches(answer.deviceKey + 'x', device?.keyHash ?? '')).toBe(false);
  });

  it('refuses an unknown, expired, revoked or used-up token with one generic message', async () => {
    await addToken(temp.store, siteId, 'expired-token-123', { expiresAt: new Date('2025-02-01T00:00:00Z') });
    await addToken(temp.store, siteId, 'revoked-token-123', { revokedAt: new Date('2025-02-01T00:00:00Z') });
    await addToken(temp.store, siteId, 'single-use-token', { maxUses: 1 });
    await enroll(deps, request({ enrollToken: 'single-use-token' }));
    const answers = await Promise.all(
      ['wrong-token-123', 'expired-token-123', 'revoked-token-123', 'single-use-token'].map((t) => refusal(enroll(deps, request({ enrollToken: t })))),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]?.code).toBe('unauthorized');
    expect(await temp.store.devices.list()).toHaveLength(1);
  });

  it('quarantines a second device with the same machine id (a cloned image), never merging them', async () => {
    const first = request({ machineId: 'cloned-machine-id' });
    expect(await enroll(deps, first)).toMatchObject({ approval: 'active' });
    const secondRequest = request({ machineId: 'cloned-machine-id', hostname: 'PC-2' });
    const second = await enroll(deps, secondRequest);
    expect(second).toMatchObject({ deviceId: secondRequest.deviceId, approval: 'pending-approval' });
    // Two records, the clone kept out of the fleet until approved.
    expect((await temp.store.devices.list()).map((d) => d.id)).toEqual([first.deviceId]);
    expect(await temp.store.devices.findById(secondRequest.deviceId)).toMatchObject({ approval: 'pending-approval', hostname: 'PC-2' });
    expect((await temp.store.deviceApprovals.listPending()).map((d) => d.id)).toEqual([secondRequest.deviceId]);
  });

  it('counts uses against the maximum and refuses once it is reached', async () => {
    await addToken(temp.store, siteId, 'three-uses-token', { maxUses: 3 });
    for (let i = 0; i < 3; i++) await enroll(deps, request({ enrollToken: 'three-uses-token' }));
    expect((await refusal(enroll(deps, request({ enrollToken: 'three-uses-token' })))).code).toBe('unauthorized');
  });

  it('hands out the TLS fingerprint to pin when the hub has one', async () => {
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    expect(await enroll({ ...deps, tlsFingerprint: fingerprint }, request())).toMatchObject({ tlsFingerprint: fingerprint });
    expect(await enroll(deps, request())).not.toHaveProperty('tlsFingerprint');
  });

  it('refuses a device id already enrolled, and a refusal spends no token use', async () => {
    const tokenId = await addToken(temp.store, siteId, 'two-uses-token', { maxUses: 2 });
    const first = request({ enrollToken: 'two-uses-token' });
    await enroll(deps, first);
    const again = await refusal(enroll(deps, request({ enrollToken: 'two-uses-token', deviceId: first.deviceId })));
    expect(again.code).toBe('conflict');
    const token = (await temp.store.enrollTokens.list()).find((t) => t.id === tokenId);
    expect(token?.uses).toBe(1);
    await enroll(deps, request({ enrollToken: 'two-uses-token' }));
  });

  it('refuses an agent whose protocol is too old or too new, before touching the token', async () => {
    const old = await refusal(enroll(deps, request({ protocolVersion: 0 })));
    const future = await refusal(enroll(deps, request({ protocolVersion: PROTOCOL_VERSION + 1 })));
    expect(old.code).toBe('protocol_unsupported');
    expect(future.code).toBe('protocol_unsupported');
    expect(old.message).toMatch(/Update the agent/);
    expect(await temp.store.devices.list()).toHaveLength(0);
  });
});
