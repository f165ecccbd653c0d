import { HeartbeatSchema, newId } from '@deskside/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadHash } from './inventory-hash.js';
import { heartbeat } from '../../realtime/testing/fixtures.js';
import { heartbeatHash } from './heartbeat-hash.js';

const bytes = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 2 ** 50, noNaN: true }));

/** Raw agent payloads, keys in any order, as the schema then parses them. */
const payloads = fc
  .record({
    cpuPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    memUsedBytes: bytes,
    memTotalBytes: bytes,
    diskUsedBytes: fc.option(bytes, { nil: null }),
    diskTotalBytes: fc.option(bytes, { nil: null }),
    uptimeSeconds: fc.integer({ min: 0, max: 100 * 365 * 24 * 3600 }),
    extra: fc.option(fc.string(), { nil: undefined }),
  })
  .chain((metrics) => fc.shuffledSubarray(Object.keys(metrics), { minLength: 7, maxLength: 7 }).map((order) => ({ metrics, order })))
  .map(({ metrics, order }) => {
    const shuffled: Record<string, unknown> = {};
    for (const k of order) shuffled[k] = (metrics as Record<string, unknown>)[k];
    return { sentAt: new Date(Date.UTC(2026, 0, 1)).toISOString(), metrics: shuffled, id: newId() };
  });

describe('heartbeatHash', () => {
  it('equals the generic payload hash of every parsed heartbeat, whatever the key order sent', () => {
    fc.assert(
      fc.property(payloads, (raw) => {
        const parsed = HeartbeatSchema.safeParse(raw);
        if (!parsed.success) return;
        expect(heartbeatHash(parsed.data)).toBe(payloadHash(parsed.data));
      }),
      { numRuns: 300 },
    );
  });

  it('differs when any field differs', () => {
    const hb = heartbeat();
    expect(heartbeatHash({ ...hb, metrics: { ...hb.metrics, cpuPercent: hb.metrics.cpuPercent === 1 ? 2 : 1 } })).not.toBe(heartbeatHash(hb));
    expect(heartbeatHash({ ...hb, sentAt: new Date(0).toISOString() })).not.toBe(heartbeatHash(hb));
  });

  it('falls back to the generic hash for a shape it does not know', () => {
    const odd = { ...heartbeat(), note: 'from a newer protocol' };
    expect(heartbeatHash(odd)).toBe(payloadHash(odd));
  });
});
