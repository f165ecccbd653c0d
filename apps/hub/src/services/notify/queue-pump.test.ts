import { describe, expect, it } from 'vitest';
import { QueuePump } from './queue-pump.js';

const at = (ms: number) => new Date(ms);

function pumpWith(leads: { now: boolean } | undefined, next: Date | undefined) {
  let passes = 0;
  const pump = new QueuePump({
    pass: () => {
      passes++;
      return Promise.resolve(next);
    },
    clock: () => at(1_000_000),
    onError: () => undefined,
    retryMs: 1000,
    ...(leads ? { cluster: { leads: () => leads.now, pollMs: 2000 } } : {}),
  });
  return { pump, passes: () => passes };
}

describe('QueuePump in a cluster', () => {
  it('passes over the queue only on the leading hub, and looks again within the poll interval', async () => {
    const leads = { now: false };
    const { pump, passes } = pumpWith(leads, undefined);
    expect(await pump.runOnce()).toEqual(at(1_002_000));
    expect(passes()).toBe(0);
    leads.now = true;
    // Leading with nothing due: still back within pollMs, for what other hubs queued.
    expect(await pump.runOnce()).toEqual(at(1_002_000));
    expect(passes()).toBe(1);
    await pump.close();
  });

  it('keeps an earlier due time than the poll, and caps a later one at the poll', async () => {
    const soon = pumpWith({ now: true }, at(1_000_500));
    expect(await soon.pump.runOnce()).toEqual(at(1_000_500));
    const late = pumpWith({ now: true }, at(1_600_000));
    expect(await late.pump.runOnce()).toEqual(at(1_002_000));
    await soon.pump.close();
    await late.pump.close();
  });

  it('alone (SQLite) passes every time and answers what the pass answered', async () => {
    const { pump, passes } = pumpWith(undefined, undefined);
    expect(await pump.runOnce()).toBeUndefined();
    expect(passes()).toBe(1);
    await pump.close();
  });
});
