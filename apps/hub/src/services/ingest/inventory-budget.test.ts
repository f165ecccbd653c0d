import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { INVENTORY_BUDGET, overBudget } from './inventory-ingest.js';

let temp: Awaited<ReturnType<typeof tempStore>>;
const time = fakeClock();
beforeEach(async () => {
  temp = await tempStore();
});
afterEach(() => temp.cleanup());

describe('per-device inventory budget', () => {
  const budget = { maxChars: 1000, charsPerHour: 2500 };

  it('refuses one document past the size cap (payload_too_large)', async () => {
    expect(await overBudget(temp, 'pc-1', time.clock(), 1001, 'inventory:full', budget)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(INVENTORY_BUDGET.maxChars).toBeLessThan(3_500_000);
  });

  it('refuses the hourly volume past the budget (rate_limited), per device, and starts over the next hour', async () => {
    for (let i = 0; i < 2; i++) expect(await overBudget(temp, 'pc-1', time.clock(), 1000, 'inventory:full', budget)).toBeUndefined();
    expect(await overBudget(temp, 'pc-1', time.clock(), 1000, 'inventory:full', budget)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // The refused one was given back: a small delta still fits.
    expect(await overBudget(temp, 'pc-1', time.clock(), 400, 'inventory:delta', budget)).toBeUndefined();
    expect(await overBudget(temp, 'pc-2', time.clock(), 1000, 'inventory:full', budget)).toBeUndefined();
    time.advance(3_600_000);
    expect(await overBudget(temp, 'pc-1', time.clock(), 1000, 'inventory:full', budget)).toBeUndefined();
  });
});
