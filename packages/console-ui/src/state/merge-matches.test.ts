import { describe, expect, it } from 'vitest';
import { mergeMatches } from './merge-matches.js';
import { makeDevice } from './test-devices.js';

describe('mergeMatches', () => {
  const a = makeDevice({ hostname: 'a' });
  const b = makeDevice({ hostname: 'b', status: 'unreachable' });
  const c = makeDevice({ hostname: 'c' });
  const fleet = [a, b, c];

  it('unions local and hub matches in fleet order, each once', () => {
    expect(mergeMatches(fleet, [c], new Set([a.id, c.id]), 'all')).toEqual([a, c]);
  });

  it('applies the status filter to the hub’s matches too', () => {
    expect(mergeMatches(fleet, [], new Set([a.id, b.id]), 'unreachable')).toEqual([b]);
  });

  it('keeps the local list as is when the hub found nothing', () => {
    const local = [a];
    expect(mergeMatches(fleet, local, new Set(), 'all')).toBe(local);
  });
});
