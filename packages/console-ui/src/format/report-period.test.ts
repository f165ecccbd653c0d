import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, localToday, presetPeriod } from './report-period.js';

describe('report period presets', () => {
  it('weeks start on Monday; months run to their last day', () => {
    // Wednesday 2025-03-05.
    expect(presetPeriod('this-week', '2025-03-05')).toEqual({ from: '2025-03-03', to: '2025-03-05' });
    expect(presetPeriod('last-week', '2025-03-05')).toEqual({ from: '2025-02-24', to: '2025-03-02' });
    expect(presetPeriod('this-month', '2025-03-05')).toEqual({ from: '2025-03-01', to: '2025-03-05' });
    expect(presetPeriod('last-month', '2025-03-05')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    // A Sunday belongs to the week that started the Monday before; January's last month is December.
    expect(presetPeriod('this-week', '2025-03-09')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(presetPeriod('last-month', '2025-01-15')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });

  it('today is the viewer zone date', () => {
    const instant = new Date('2025-03-02T23:30:00Z');
    expect(localToday(instant, 'UTC')).toBe('2025-03-02');
    expect(localToday(instant, 'Europe/Paris')).toBe('2025-03-03');
  });

  it('formats durations and percentages', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(25 * 3_600_000)).toBe('25 h');
    expect(formatDuration(60 * 3_600_000)).toBe('2.5 d');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(1_500)).toBe('< 1 min');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatPercent(71.4)).toBe('71.4%');
    expect(formatPercent(null)).toBe('—');
  });
});
