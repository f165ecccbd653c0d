import { PROTOCOL_VERSION } from '@deskside/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { Admission } from './admission.js';
import { startHarness, type Harness } from './testing/harness.js';

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
    // Refusals by the budget do not even reach authentication: wrong keys get rate_limited too.
    expect(await h.tryAgentHandshake({ ...c, deviceKey: 'k'.repeat(43) })).toMatchObject({ code: 'rate_limited' });
    h.clock.advance(1000);
    expect(await h.tryAgentHandshake(c)).toBe('connected');
  });
});
