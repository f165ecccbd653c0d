import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatPercent, formatRelative } from './format.js';

describe('format', () => {
  it('writes dates, numbers and sizes the way the language does', () => {
    const iso = '2026-03-04T09:05:00Z';
    expect(formatDateTime(iso, 'de')).toMatch(/04\.03\.2026|4\. März 2026/);
    expect(formatDateTime(iso, 'en-US')).toMatch(/Mar 4, 2026/);
    expect(formatBytes(1.5 * 1024 ** 3, 'de')).toMatch(/^1,5\sGB$/);
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toMatch(/^1\.5\sGB$/);
    expect(formatPercent(42, 'fr')).toMatch(/^42\s?%$/);
  });

  it('says "2 hours ago" in the language, and nothing for a bad date', () => {
    const now = Date.parse('2026-03-04T12:00:00Z');
    expect(formatRelative('2026-03-04T10:00:00Z', 'en', now)).toBe('2 hours ago');
    expect(formatRelative('2026-03-04T10:00:00Z', 'de', now)).toBe('vor 2 Stunden');
    expect(formatRelative('nonsense', 'en', now)).toBe('');
    expect(formatDateTime('nonsense', 'en')).toBe('');
  });
});
