import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from './test-support/temp-store.js';

describe('a store call from inside its own transaction', () => {
  let temp: TempStore | undefined;
  afterEach(async () => {
    await temp?.cleanup();
    temp = undefined;
  });

  it('throws at once instead of deadlocking on the single SQLite connection', async () => {
    temp = await openTempStore();
    const store = temp.store;
    await expect(store.transaction(async () => store.users.count())).rejects.toThrow(/users\.count\(\) was called from inside store\.transaction/);
    await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toThrow(/transaction\(\)/);
  });

  it("leaves the transaction's own repositories, and calls outside it, alone", async () => {
    temp = await openTempStore();
    const store = temp.store;
    expect(await store.transaction(async (tx) => tx.users.count())).toBe(0);
    // Concurrent work started outside the transaction is not "inside" it: it waits its turn.
    const [inside, outside] = await Promise.all([store.transaction(async (tx) => tx.sites.list()), store.users.count()]);
    expect(inside).toEqual([]);
    expect(outside).toBe(0);
  });
});
