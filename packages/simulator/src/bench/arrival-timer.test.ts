import { describe, expect, it } from 'vitest';
import { alertKey, ArrivalTimer } from './arrival-timer.js';
import { percentile } from './stats.js';

describe('ArrivalTimer', () => {
  it('times the first arrival of each sent key only', () => {
    const t = new ArrivalTimer();
    t.sent('a', 100);
    t.sent('b', 110);
    expect(t.arrived('a', 130)).toBe(true);
    expect(t.arrived('a', 150)).toBe(false); // an update of the same alert
    expect(t.arrived('unknown', 150)).toBe(false); // someone else's alert
    expect(t.arrived('b', 200)).toBe(true);
    expect(t.latencies).toEqual([30, 90]);
    expect(t.outstanding).toBe(0);
  });

  it('counts what never arrived as Infinity, so it weighs on the percentiles', () => {
    const t = new ArrivalTimer();
    for (let i = 0; i < 99; i++) {
      t.sent(`k${i}`, 0);
      t.arrived(`k${i}`, 10);
    }
    t.sent('lost-1', 0);
    t.sent('lost-2', 0);
    expect(t.outstanding).toBe(2);
    const all = t.latenciesCountingLost();
    expect(all).toHaveLength(101);
    expect(percentile(all, 50)).toBe(10);
    expect(percentile(all, 99)).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves refused sends out of both the latencies and the lost', () => {
    const t = new ArrivalTimer();
    t.sent('a', 0);
    t.abandon('a');
    t.abandon('never-sent');
    expect(t.abandoned).toBe(1);
    expect(t.outstanding).toBe(0);
    expect(t.latenciesCountingLost()).toEqual([]);
    expect(t.arrived('a', 5)).toBe(false);
  });
});

describe('alertKey', () => {
  it('keeps device, check and subject apart (no two keys collide by concatenation)', () => {
    expect(alertKey('d1', 'disk-free', 'C:')).not.toBe(alertKey('d1', 'disk-fre', 'eC:'));
    expect(alertKey('d1', 'uptime', '')).toBe(alertKey('d1', 'uptime', ''));
  });
});
