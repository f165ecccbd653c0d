import { describe, expect, it } from 'vitest';
import { AntivirusSchema } from './inventory-software.js';

const base = { name: 'XProtect', enabled: true, upToDate: null };

describe('AntivirusSchema definitions fields', () => {
  it('accepts an entry without them (agents older than the fields)', () => {
    expect(AntivirusSchema.parse(base)).toEqual(base);
  });

  it('accepts a version and an instant, or null for either', () => {
    expect(AntivirusSchema.safeParse({ ...base, definitionsVersion: '5287', definitionsUpdatedAt: '2024-03-04T18:28:49Z' }).success).toBe(true);
    expect(AntivirusSchema.safeParse({ ...base, definitionsVersion: null, definitionsUpdatedAt: null }).success).toBe(true);
  });

  it.each([
    ['a version past 128 characters', { definitionsVersion: '1'.repeat(129) }],
    ['a number as the version', { definitionsVersion: 5287 }],
    ['a date that is not ISO 8601', { definitionsUpdatedAt: 'Mon Dec 11 09:27:12 2023' }],
    ['a date without a zone', { definitionsUpdatedAt: '2023-12-11T09:27:12' }],
  ])('refuses %s', (_label, over) => {
    expect(AntivirusSchema.safeParse({ ...base, ...over }).success).toBe(false);
  });
});
