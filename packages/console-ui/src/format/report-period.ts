import { formatNumber } from './relative-time.js';

/** Period presets of the activity report, as local dates (YYYY-MM-DD) of the viewer's zone. */
export type PeriodPreset = 'this-week' | 'last-week' | 'this-month' | 'last-month' | 'custom';

export const PERIOD_PRESETS: ReadonlyArray<{ id: PeriodPreset; label: string }> = [
  { id: 'this-week', label: 'This week' },
  { id: 'last-week', label: 'Last week' },
  { id: 'this-month', label: 'This month' },
  { id: 'last-month', label: 'Last month' },
  { id: 'custom', label: 'Custom' },
];

export interface LocalPeriod {
  from: string;
  to: string;
}

/** Today's local date in `timeZone` at instant `now`. */
export function localToday(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The dates of a preset around `today` (weeks start on Monday; "this" periods end today). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): LocalPeriod {
  const [y = 1970, m = 1, d = 1] = today.split('-').map(Number);
  const day = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  switch (preset) {
    case 'this-week':
      return { from: day(y, m, d - weekday), to: today };
    case 'last-week':
      return { from: day(y, m, d - weekday - 7), to: day(y, m, d - weekday - 1) };
    case 'this-month':
      return { from: day(y, m, 1), to: today };
    case 'last-month':
      return { from: day(y, m - 1, 1), to: day(y, m, 0) };
  }
}

/** The viewer's IANA zone, as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A duration for people: "45 min", "3.5 h", "2.1 d"; an em dash for none. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = ms / 60_000;
  if (ms > 0 && minutes < 1) return '< 1 min';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${trim(hours)} h`;
  return `${trim(hours / 24)} d`;
}

function trim(n: number): string {
  return formatNumber(Math.round(n * 10) / 10);
}

/** "71.4%", or an em dash when nothing was decided. */
export function formatPercent(p: number | null): string {
  return p === null ? '—' : `${formatNumber(p)}%`;
}
