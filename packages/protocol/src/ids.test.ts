import { describe, expect, it } from 'vitest';
import { IdSchema, newId } from './ids.js';

describe('newId', () => {
  it('makes 26-character Crockford ULIDs that validate', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(IdSchema.safeParse(id).success).toBe(true);
  });

  it('sorts by creation time', () => {
    const ids = [3, 1, 2].map((t) => newId(1_700_000_000_000 + t * 1000));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newId(0)));
    expect(seen.size).toBe(5000);
  });
});

describe('IdSchema', () => {
  it.each([
    ['a UUID', '0191c3a2-7b5e-7cc1-9a2e-0a4f1b2c3d4e', true],
    ['a lowercase ULID', '01hzy3v1k3j5q8r9s0t1v2w3x4', false],
    ['a ULID with I/L/O/U', '01HZY3V1K3J5Q8R9S0T1V2W3XI', false],
    ['an empty string', '', false],
    ['path traversal', '../../etc/passwd', false],
    ['SQL', "1' OR '1'='1", false],
  ])('%s → %s', (_label, value, valid) => {
    expect(IdSchema.safeParse(value).success).toBe(valid);
  });
});
