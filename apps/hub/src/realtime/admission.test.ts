import { PROTOCOL_VERSION } from '@deskside/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { Admission } from './admission.js';
import { startHarness, until, type Harness } from './testing/harness.js';

describe('Admission', () => {
  it('admits a burst, then refills at the configured rate', () => {
    const a = new Admission({ maxConcurrent: 100, ratePerSecond: 10, burst: 3 });
    const releases = [a.tryAdmit(0), a.tryAdmit(0), a.tryAdmit(0)];
    expect(releases.every((r) => r !== undefined)).toBe(true);
    for (const r of releases) r?.();
    expect(a.tryAdmit(0)).toBeUndefined();
    expect(a.tryAdmit(50)).toBeUndefined();
    expect(a.tryAdmit(100)).toBeDefined();
    expect(a.tryAdmit(100)).toBeUndefined();
  });

  it('caps handshakes in flight until they are released (release is idempotent)', () => {
    const a = new Admission({ maxConcurrent: 2, ratePerSecond: 1000, burst: 1000 });
    const first = a.tryAdmit(0);
    const second = a.tryAdmit(0);
    expect(a.tryAdmit(0)).toBeUndefined();
    first?.();
    first?.();
    expect(a.pending).toBe(1);
    expect(a.tryAdmit(0)).toBeDefined();
    expect(a.tryAdmit(0)).toBeUndefined();
    second?.();
    expect(a.pending).toBe(1);
  });
});

describe('/agent admission limit on a real server', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('refuses handshakes past the per-second budget with rate_limited, and admits them once it refills', async () => {
    h = await startHarness({ config: { agentConnectRate: 2, agentHandshakeConcurrency: 200 } });
    const devices = await Promise.all([1, 2, 3].map((i) => h.enrollDevice(`pc-${i}`)));
    const auth = (d: { id: string; key: string }) => ({ protocolVersion: PROTOCOL_VERSION, deviceId: d.id, deviceKey: d.key });
    const [a, b, c] = devices.map(auth);
    expect(await h.tryAgentHandshake(a)).toBe('connected');
    expect(await h.tryAgentHandshake(b)).toBe('connected');
    // The bucket is empty: a correct credential is refused before any lookup, with a retryable code.
    expect(await h.tryAgentHandshake(c)).toMatchObject({ code: 'rate_limited' });
    // A wrong key is refused by the cheap check before any budget: it does not wait for the bucket.
    expect(await h.tryAgentHandshake({ ...c, deviceKey: 'k'.repeat(43) })).toMatchObject({ code: 'unauthorized' });
    h.clock.advance(1000);
    expect(await h.tryAgentHandshake(c)).toBe('connected');
  });

  it('keeps the budget for real agents while junk handshakes pour in (credentials checked before the budget)', async () => {
    h = await startHarness({ config: { agentConnectRate: 20, agentHandshakeConcurrency: 200 } });
    const devices = await Promise.all(Array.from({ length: 10 }, (_, i) => h.enrollDevice(`pc-${i}`)));
    const junk = (i: number) => ({ protocolVersion: PROTOCOL_VERSION, deviceId: i % 2 === 0 ? devices[0]?.id : `01J${String(i).padStart(23, '0')}`, deviceKey: `junk-${i}`.padEnd(43, 'x') });
    // 400 junk handshakes (half a known id with a wrong key, half unknown ids) in the same second.
    const refused = await Promise.all(Array.from({ length: 400 }, (_, i) => h.tryAgentHandshake(junk(i))));
    expect(refused.every((r) => r !== 'connected')).toBe(true);
    // Every real agent still gets in on the same second's budget (20 a second).
    const real = await Promise.all(devices.map((d) => h.tryAgentHandshake({ protocolVersion: PROTOCOL_VERSION, deviceId: d.id, deviceKey: d.key })));
    expect(real).toEqual(devices.map(() => 'connected'));
  });

  it('caps open connections and pending handshakes per address', async () => {
    h = await startHarness({ config: { agentAddressLimits: { maxConnections: 2, maxPending: 100 } } });
    const devices = await Promise.all([1, 2, 3].map((i) => h.enrollDevice(`pc-${i}`)));
    const [, b, c] = devices.map((d) => ({ protocolVersion: PROTOCOL_VERSION, deviceId: d.id, deviceKey: d.key }));
    const first = await h.connectAgent(devices[0] ?? { id: '', key: '', siteId: '' });
    expect(await h.tryAgentHandshake(b)).toBe('connected');
    expect(await h.tryAgentHandshake(c)).toMatchObject({ code: 'rate_limited' });
    first.disconnect();
    await until(async () => (await h.tryAgentHandshake(c)) === 'connected', 'a slot after a disconnect');
  });
});
