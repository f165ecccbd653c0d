import { describe, expect, it } from 'vitest';
import { unreachableReason } from './ops-routes.js';

describe('unreachableReason', () => {
  it('answers the first line, bounded, with URLs (and their passwords) masked', () => {
    expect(unreachableReason(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(unreachableReason(new Error('cannot reach postgres://hub:s3cret@db/deskside\nstack'))).toBe('cannot reach <url>');
    expect(unreachableReason(new Error('x'.repeat(500)))).toHaveLength(200);
    expect(unreachableReason('')).toBe('no answer');
  });
});
