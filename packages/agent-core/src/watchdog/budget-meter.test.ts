import { describe, expect, it } from 'vitest';
import { BudgetMeter, DEFAULT_BUDGET } from './budget-meter.js';

const MB = 1024 * 1024;

/** Feeds one reading per second at `cpuPercent` of a core, from t=0 for `seconds`. */
function feed(meter: BudgetMeter, seconds: number, cpuPercent: (s: number) => number, rss = 50 * MB) {
  let cpuMs = 0;
  const breaches = [];
  for (let s = 0; s <= seconds; s++) {
    if (s > 0) cpuMs += cpuPercent(s) * 10; // 1 s × percent/100 × 1000 ms
    const b = meter.observe({ at: s * 1000, rssBytes: rss, cpuMs });
    if (b) breaches.push({ s, ...b });
  }
  return breaches;
}

describe('BudgetMeter (osquery defaults: 200 MB, 10 % for 12 s)', () => {
  it('flags memory over the ceiling at once', () => {
    const meter = new BudgetMeter();
    expect(meter.observe({ at: 0, rssBytes: 199 * MB, cpuMs: 0 })).toBeNull();
    expect(meter.observe({ at: 1000, rssBytes: 201 * MB, cpuMs: 0 })).toMatchObject({ resource: 'memory', value: 201, threshold: 200 });
  });

  it('flags CPU only after 12 s over the ceiling', () => {
    const breaches = feed(new BudgetMeter(), 20, () => 15);
    expect(breaches[0]).toMatchObject({ s: 12, resource: 'cpu', value: 15, threshold: 10 });
  });

  it('lets a short burst through (an inventory run)', () => {
    expect(feed(new BudgetMeter(), 60, (s) => (s <= 3 ? 90 : 0.5))).toEqual([]);
  });

  it('does not let one spike carry idle seconds over the average', () => {
    // 11 s at 1 % and one second at 150 %: the 12 s average is 13 %, but only one step was over.
    expect(feed(new BudgetMeter(), 12, (s) => (s === 12 ? 150 : 1))).toEqual([]);
  });

  it('starts over when the counter goes backwards (the target restarted)', () => {
    const meter = new BudgetMeter(DEFAULT_BUDGET);
    feed(meter, 10, () => 50);
    expect(meter.observe({ at: 11_000, rssBytes: null, cpuMs: 0 })).toBeNull();
    expect(meter.observe({ at: 12_000, rssBytes: null, cpuMs: 500 })).toBeNull();
  });

  it('ignores an unknown RSS', () => {
    expect(new BudgetMeter().observe({ at: 0, rssBytes: null, cpuMs: 0 })).toBeNull();
  });
});
