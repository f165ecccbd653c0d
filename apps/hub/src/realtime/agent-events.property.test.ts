// Property test on a real server: junk of every shape, sent to every agent event, always gets a
// typed ack and never takes the hub down.
import { AGENT_TO_HUB_EVENTS, ErrorCodeSchema, LIMITS, newId } from '@deskside/protocol';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeat } from './testing/fixtures.js';
import { startHarness, type AgentClient, type Harness, type TestDevice } from './testing/harness.js';

const TypedAckSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCodeSchema, message: z.string().max(1024) }) }),
]);

function raw(socket: AgentClient, event: string, payload: unknown): Promise<unknown> {
  return (socket.timeout(5000).emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, payload);
}

/** Nesting well past the limit, of objects or arrays. */
const deep = fc.tuple(fc.integer({ min: LIMITS.jsonDepth + 1, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { id: newId(), x: v };
  return v;
});

/** Payloads that look almost right: a real message with one field swapped for junk. */
const nearlyValid = fc
  .tuple(fc.constantFrom('id', 'sentAt', 'metrics', 'hash', 'document', 'state', 'baseHash'), fc.jsonValue())
  .map(([key, junk]) => ({ ...heartbeat(), [key]: junk }));

const hostileKeys = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}, "id": "01J00000000000000000000000"}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
);

const numbers = fc.oneof(
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(Number.NaN),
  fc.constant(-1),
  fc.constant(2 ** 64),
  fc.double(),
);

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4, withNullPrototype: true }),
  deep,
  nearlyValid,
  hostileKeys,
  numbers,
  fc.string({ maxLength: 2000 }),
);

describe('every agent event, fed junk on a real server', () => {
  let h: Harness;
  let device: TestDevice;
  let socket: AgentClient;

  beforeAll(async () => {
    // A generous per-device budget: this test is about parsing, not the rate limit.
    h = await startHarness({ timing: { ratePerSecond: 1e6, rateBurst: 1e6 } });
    device = await h.enrollDevice();
    socket = await h.connectAgent(device);
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([...AGENT_TO_HUB_EVENTS])('%s always answers a typed ack', async (event) => {
    // A fresh socket per event: events this harness does not serve (alerting, tickets and the
    // knowledge base are off) answer unknown_event, and a socket that sends more than
    // MAX_UNKNOWN_EVENTS_PER_SOCKET of those is dropped on purpose; that cap has its own test.
    socket.disconnect();
    socket = await h.connectAgent(device);
    await fc.assert(
      fc.asyncProperty(junk, async (payload) => {
        const ack = await raw(socket, event, payload);
        expect(TypedAckSchema.safeParse(ack).success, JSON.stringify(ack)).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(socket.connected).toBe(true);
  }, 60_000);

  it('refuses nesting deeper than LIMITS.jsonDepth before the schema sees it, and still serves good messages', async () => {
    let v: unknown = heartbeat();
    for (let i = 0; i < LIMITS.jsonDepth + 1; i++) v = { wrap: v };
    const ack = await raw(socket, 'device:heartbeat', v);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.stringMatching(/nested deeper/) } });
    expect(await h.metrics.render()).toMatch(/deskside_rejected_payloads_total\{[^}]*reason="depth"[^}]*\} \d/);
    expect(await raw(socket, 'device:heartbeat', heartbeat())).toMatchObject({ ok: true });
  });
});
