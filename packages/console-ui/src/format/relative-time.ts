import { currentLocale, t } from '../i18n/i18n.js';

/**
 * The console's one place for dates, times and counts: every page formats through these, in the
 * viewer's language, locale and zone (Intl), so a date reads the same everywhere.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: (locale: string) => F): F {
  const locale = currentLocale();
  const id = `${key}|${locale}`;
  let f = formatters.get(id) as F | undefined;
  if (f === undefined) {
    f = make(locale);
    formatters.set(id, f);
  }
  return f;
}

const dateFormat = () => cached('date', (l) => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric' }));
const dateTimeFormat = () =>
  cached('datetime', (l) => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
const clockFormat = () => cached('clock', (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' }));
const numberFormat = () => cached('number', (l) => new Intl.NumberFormat(l));

/**
 * "just now", "2 min ago", "3 h ago", "4 days ago", then the date. A time in the future (clock
 * skew between hub and browser) reads "just now" rather than something absurd.
 */
export function formatRelativeTime(iso: string | null | undefined, now: number): string {
  if (iso === null || iso === undefined) return t('time.never');
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return t('time.unknown');
  const elapsed = now - then;
  if (elapsed < 45_000) return t('time.justNow');
  if (elapsed < HOUR) return t('time.minutesAgo', { count: Math.max(1, Math.round(elapsed / MINUTE)) });
  if (elapsed < DAY) return t('time.hoursAgo', { count: Math.floor(elapsed / HOUR) });
  if (elapsed < 7 * DAY) return t('time.daysAgo', { count: Math.floor(elapsed / DAY) });
  return formatDate(then);
}

/** A calendar date in the viewer's locale and zone ("8 Feb 2026", "08.02.2026"). */
export function formatDate(value: number | string): string {
  const then = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(then) ? '—' : dateFormat().format(then);
}

/** Date and time in the viewer's locale and zone, for tooltips and detail fields. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '—';
  return dateTimeFormat().format(then);
}

/** A duration in milliseconds for probe reports: "850 ms", "2.4 s", "3 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  return `${Math.round(ms / MINUTE)} min`;
}

/** HH:MM in the viewer's zone and locale (the stale banner's "as of"). */
export function formatClock(epochMs: number): string {
  return clockFormat().format(epochMs);
}

/** A count with the locale's grouping ("12,345", "12.345"). */
export function formatNumber(n: number): string {
  return numberFormat().format(n);
}
