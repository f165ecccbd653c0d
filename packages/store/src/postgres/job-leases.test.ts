import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { openTempStore, TEST_STORE_ENGINE, type TempStore } from '../test-support/temp-store.js';
import type { JobLeases, Store } from '../types.js';

let temp: TempStore | undefined;
const opened: Array<Store | JobLeases> = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
  await temp?.cleanup();
});

describe('job leases', () => {
  it.skipIf(TEST_STORE_ENGINE !== 'sqlite')('on SQLite: the one hub leads every job', async () => {
    temp = await openTempStore();
    const leases = temp.store.openJobLeases();
    opened.push(leases);
    expect(await leases.tryTake('maintenance')).toBe(true);
    expect(leases.holds('maintenance')).toBe(true);
    expect(temp.store.postgresPool).toBeUndefined();
  });

  it.skipIf(TEST_STORE_ENGINE !== 'postgres')('on PostgreSQL: one holder per job; a closed holder hands it over at the next try', async () => {
    temp = await openTempStore();
    const other = await openStore(temp.options);
    opened.push(other);
    const a = temp.store.openJobLeases();
    const b = other.openJobLeases();
    opened.push(a, b);
    expect(await a.tryTake('maintenance')).toBe(true);
    expect(await b.tryTake('maintenance')).toBe(false);
    // Another job is another lock.
    expect(await b.tryTake('ticket-jobs')).toBe(true);
    expect(await a.tryTake('ticket-jobs')).toBe(false);
    // Taking again is keeping.
    expect(await a.tryTake('maintenance')).toBe(true);
    await a.close();
    expect(a.holds('maintenance')).toBe(false);
    expect(await b.tryTake('maintenance')).toBe(true);
    expect(temp.store.postgresPool).toBeDefined();
  });
});
