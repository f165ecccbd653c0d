import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.js';

describe('Backoff', () => {
  it('doubles from 1 s to a 60 s cap', () => {
    const b = new Backoff({ random: () => 0.5 });
    expect(Array.from({ length: 9 }, () => b.next())).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    b.reset();
    expect(b.next()).toBe(1000);
  });

  it('spreads each delay by ±50 % and never exceeds the cap', () => {
    const low = new Backoff({ random: () => 0 });
    const high = new Backoff({ random: () => 0.999999 });
    expect(low.next()).toBe(500);
    expect(high.next()).toBe(1500);
    for (let i = 0; i < 20; i++) expect(high.next()).toBeLessThanOrEqual(60_000);
  });
});
