import { describe, expect, it } from 'vitest';
import { ManualClock } from '../util/clock.js';
import type { BudgetBreach } from './budget-meter.js';
import { processSample, startProcessWatchdog } from './process-watchdog.js';

describe('startProcessWatchdog', () => {
  it('reports a process that keeps a core 50 % busy for 12 s, once, and stops sampling', () => {
    const clock = new ManualClock(0);
    const breaches: BudgetBreach[] = [];
    let samples = 0;
    startProcessWatchdog({
      clock,
      sample: () => {
        samples++;
        return { at: clock.now(), rssBytes: 40e6, cpuMs: clock.now() * 0.5 };
      },
      onBreach: (b) => breaches.push(b),
    });
    clock.advance(30_000);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ resource: 'cpu', value: 50 });
    expect(samples).toBe(5); // 3, 6, 9, 12, 15 s: the window spans 12 s at the fifth reading
  });

  it('stays quiet for an idle process and stops when told', () => {
    const clock = new ManualClock(0);
    const breaches: BudgetBreach[] = [];
    const stop = startProcessWatchdog({ clock, sample: () => ({ at: clock.now(), rssBytes: 40e6, cpuMs: clock.now() * 0.0005 }), onBreach: (b) => breaches.push(b) });
    clock.advance(120_000);
    stop();
    expect(breaches).toEqual([]);
  });

  it('reads this process', () => {
    const s = processSample(() => 5);
    expect(s.at).toBe(5);
    expect(s.rssBytes).toBeGreaterThan(1e6);
    expect(s.cpuMs).toBeGreaterThan(0);
  });
});
