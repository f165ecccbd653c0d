import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from './relative-time.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [44_000, 'just now'],
    [50_000, '1 min ago'],
    [2 * 60_000, '2 min ago'],
    [59 * 60_000, '59 min ago'],
    [3 * 3_600_000 + 5_000, '3 h ago'],
    [26 * 3_600_000, '1 day ago'],
    [4 * 86_400_000, '4 days ago'],
  ])('%d ms ago → %s', (ms, expected) => {
    expect(formatRelativeTime(ago(ms), NOW)).toBe(expected);
  });

  it('falls back to the date after a week', () => {
    expect(formatRelativeTime(ago(30 * 86_400_000), NOW)).toBe(formatDate(NOW - 30 * 86_400_000));
    expect(formatRelativeTime(ago(30 * 86_400_000), NOW)).toMatch(/2026/);
  });

  it('treats future times (clock skew) as just now', () => {
    expect(formatRelativeTime(ago(-120_000), NOW)).toBe('just now');
  });

  it('handles never-seen and garbage', () => {
    expect(formatRelativeTime(null, NOW)).toBe('never');
    expect(formatRelativeTime('not a date', NOW)).toBe('unknown');
  });
});

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(3000)).toBe('3 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('in German', () => {
  it('speaks the language and its locale', async () => {
    await i18n.changeLanguage('de');
    try {
      expect(formatRelativeTime(ago(2 * 60_000), NOW)).toBe('vor 2 Min.');
      expect(formatRelativeTime(ago(4 * 86_400_000), NOW)).toBe('vor 4 Tagen');
      expect(formatDateTime('2026-03-10T12:00:00Z')).toMatch(/2026/);
      expect(formatNumber(12345)).toBe('12.345');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
