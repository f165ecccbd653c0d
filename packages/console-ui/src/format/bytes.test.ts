import { describe, expect, it } from 'vitest';
import { formatBytes, formatUsage, usedPercent } from './bytes.js';

const GiB = 1024 ** 3;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [15.5 * GiB, '15.5 GB'],
    [16 * GiB, '16 GB'],
    [476.9 * GiB, '477 GB'],
    [1024 * 1024 - 1, '1 MB'],
    [2 * 1024 * GiB, '2 TB'],
    [2 ** 60, '1 EB'],
  ])('%d → %s', (value, expected) => {
    expect(formatBytes(value)).toBe(expected);
  });

  it('shows unknown and nonsense values as a dash', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatUsage / usedPercent', () => {
  it('formats used over total', () => {
    expect(formatUsage(120 * GiB, 476 * GiB)).toBe('120 GB / 476 GB');
    expect(formatUsage(null, 476 * GiB)).toBe('—');
  });

  it('computes a bounded percentage', () => {
    expect(usedPercent(50, 200)).toBe(25);
    expect(usedPercent(300, 200)).toBe(100);
    expect(usedPercent(1, 0)).toBeNull();
    expect(usedPercent(null, 10)).toBeNull();
  });
});
