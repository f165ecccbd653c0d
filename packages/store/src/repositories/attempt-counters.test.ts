import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('attempt counters', () => {
  it('gives simultaneous attempts distinct counts 1…N (counted before anything is checked)', async () => {
    const counts = await Promise.all(Array.from({ length: 200 }, () => temp.store.attempts.take('login-account:alice', at(0), 60_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('starts a new window once the old one is over, and keeps the window start inside it', async () => {
    const { attempts } = temp.store;
    await attempts.take('k', at(0), 60_000);
    expect(await attempts.take('k', at(59_000), 60_000)).toEqual({ count: 2, windowStart: at(0) });
    expect(await attempts.take('k', at(60_000), 60_000)).toEqual({ count: 1, windowStart: at(60_000) });
  });

  it('gives one attempt back (never below zero), clears a key and prunes old windows', async () => {
    const { attempts } = temp.store;
    await attempts.take('k', at(0), 60_000);
    await attempts.giveBack('k');
    await attempts.giveBack('k');
    expect((await attempts.take('k', at(1), 60_000)).count).toBe(1);
    await attempts.clear('k');
    expect((await attempts.take('k', at(2), 60_000)).count).toBe(1);
    await attempts.take('old', at(0), 60_000);
    expect(await attempts.pruneBefore(at(1))).toBe(1);
  });

  it('counts amounts (a byte budget) the same way', async () => {
    const { attempts } = temp.store;
    await attempts.take('bytes', at(0), 60_000, 700_000);
    expect((await attempts.take('bytes', at(1), 60_000, 500_000)).count).toBe(1_200_000);
    await attempts.giveBack('bytes', 500_000);
    expect((await attempts.take('bytes', at(2), 60_000, 1)).count).toBe(700_001);
  });
});
