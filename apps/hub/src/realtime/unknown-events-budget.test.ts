import { newId } from '@deskside/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_EVENTS_PER_SOCKET } from './agent-namespace.js';
import { startHarness, type Harness } from './testing/harness.js';

describe('/agent budget for unknown events', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('counts unknown events against the device rate limit and drops a socket that keeps sending them', async () => {
    // A generous rate, so the per-socket cap is what ends it.
    h = await startHarness({ timing: { ratePerSecond: 10_000, rateBurst: 10_000 } });
    const socket = await h.connectAgent(await h.enrollDevice());
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const untyped = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (let i = 0; i < MAX_UNKNOWN_EVENTS_PER_SOCKET; i++) untyped.emit('device:format-disk', { id: newId() });
    expect(await gone).toBe('io server disconnect');
  });

  it('answers rate_limited to unknown events past the device budget, like any other message', async () => {
    h = await startHarness({ timing: { ratePerSecond: 1, rateBurst: 2 } });
    const socket = await h.connectAgent(await h.enrollDevice());
    const answers: unknown[] = [];
    for (let i = 0; i < 4; i++) answers.push(await socket.timeout(2000).emitWithAck('device:format-disk' as 'device:heartbeat', { id: newId() } as never));
    expect(answers.slice(2)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'rate_limited' }) }), expect.objectContaining({ ok: false })]);
  });
});
