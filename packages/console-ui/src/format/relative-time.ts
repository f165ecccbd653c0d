const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "2 min ago", "3 h ago", "4 days ago", then the date. A time in the future (clock
 * skew between hub and browser) reads "just now" rather than something absurd.
 */
export function formatRelativeTime(iso: string | null | undefined, now: number): string {
  if (iso === null || iso === undefined) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const elapsed = now - then;
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 7 * DAY) {
    const days = Math.floor(elapsed / DAY);
    return days === 1 ? '1 day ago' : `${days} days ago`;
  }
  return formatDate(then);
}

/** YYYY-MM-DD in the viewer's zone: unambiguous for every locale. */
export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Date and time in the viewer's zone, for tooltips and detail fields. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '—';
  const d = new Date(then);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(then)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
