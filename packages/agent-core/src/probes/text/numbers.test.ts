import { describe, expect, it } from 'vitest';
import { parseByteSize, parseGroupedInteger, parseLocaleNumber } from './numbers.js';

describe('parseLocaleNumber', () => {
  it.each([
    ['69,13 GB', 'auto', 69.13],
    ['3,5 %', 'auto', 3.5],
    ['218,2344', 'auto', 218.2344],
    ['24,645 Wh', 'auto', 24.645],
    ['100,0%', 'auto', 100],
    ['931.51', 'auto', 931.51],
    ['1.234,5', 'auto', 1234.5],
    ['1,234.5', 'auto', 1234.5],
    ['1,234,567', 'auto', 1234567],
    ['2,047', '.', 2047],
    ['2.047', ',', 2047],
    ['-2169', 'auto', -2169],
    ['1 234,5', ',', 1234.5],
  ] as const)('%s (%s) → %d', (text, decimal, expected) => {
    expect(parseLocaleNumber(text, decimal)).toBe(expected);
  });

  it.each(['', 'N/A', 'abc', '--'])('%j → undefined', (text) => expect(parseLocaleNumber(text)).toBeUndefined());
});

describe('parseGroupedInteger', () => {
  it.each([
    ['480,103,981,056', 480103981056],
    ['463 117 873 152', 463117873152],
    ['463\u202f117\u202f873\u202f152', 463117873152],
    ['2.047', 2047],
  ])('%s', (text, expected) => expect(parseGroupedInteger(text)).toBe(expected));
  it('rejects text without digits', () => expect(parseGroupedInteger('none')).toBeUndefined());
});

describe('parseByteSize', () => {
  it.each([
    ['69,13 GB', 1024, Math.round(69.13 * 1024 ** 3)],
    ['8 GB', 1024, 8 * 1024 ** 3],
    ['4096 MB', 1024, 4096 * 1024 ** 2],
    ['1.4M', 1024, Math.round(1.4 * 1024 ** 2)],
    ['20G', 1024, 20 * 1024 ** 3],
    ['0B', 1024, 0],
    ['16 GiB', 1000, 16 * 1024 ** 3],
    ['500 GB', 1000, 500e9],
    ['512 bytes', 1000, 512],
    ['480,103,981,056 bytes [480 GB]', 1000, 480103981056],
    ['27,8 MB', 1000, 27_800_000],
    ['2 TB', 1024, 2 * 1024 ** 4],
  ] as const)('%s (base %d)', (text, base, expected) => expect(parseByteSize(text, base)).toBe(expected));

  it.each(['No Module Installed', '', 'Unknown', 'GB', '1.2.3 XB'])('%j → undefined', (text) => expect(parseByteSize(text, 1024)).toBeUndefined());
});
