import { describe, expect, it } from 'vitest';
import { ManualClock } from '../util/clock.js';
import { CycleTimers } from './cycle-timers.js';

describe('CycleTimers', () => {
  it('keeps one pending timer per cycle: re-arming replaces, clearing one leaves the other', () => {
    const clock = new ManualClock();
    const timers = new CycleTimers(clock);
    const fired: string[] = [];
    timers.arm('heartbeat', 30_000, () => fired.push('hb-old'));
    timers.arm('heartbeat', 10_000, () => fired.push('hb'));
    timers.arm('inventory', 20_000, () => fired.push('inv'));
    expect(clock.pending()).toBe(2);
    timers.clear('inventory');
    clock.advance(60_000);
    expect(fired).toEqual(['hb']);
  });

  it('clearAll leaves nothing pending', () => {
    const clock = new ManualClock();
    const timers = new CycleTimers(clock);
    timers.arm('heartbeat', 1, () => undefined);
    timers.arm('inventory', 1, () => undefined);
    timers.clearAll();
    expect(clock.pending()).toBe(0);
  });
});
