import { describe, expect, it } from 'vitest';
import { incrementId, monotonic, monotonicIds } from './monotonic-ids.js';

describe('monotonicIds', () => {
  it('increases within one millisecond and when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = monotonicIds(() => now);
    const ids = [next(), next(), next()];
    now -= 5_000;
    ids.push(next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resumes above the last id handed out', () => {
    const last = monotonicIds(() => 2_000_000_000_000)();
    expect(monotonicIds(() => 1_000, last)() > last).toBe(true);
  });
});

describe('monotonic', () => {
  it('passes UUIDs through and lifts a ULID that is not above the last', () => {
    const ids = ['01HZZZZZZZZZZZZZZZZZZZZZZZ', '01HZZZZZZZZZZZZZZZZZZZZZZY', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'];
    const next = monotonic(() => ids.shift() ?? '');
    expect(next()).toBe('01HZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(next()).toBe('01J00000000000000000000000');
    expect(next()).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });

  it('refuses to wrap around', () => {
    expect(() => incrementId('ZZ')).toThrow(/exhausted/);
  });
});
