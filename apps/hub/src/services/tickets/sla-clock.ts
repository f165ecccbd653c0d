import type { BusinessCalendar } from '@deskside/protocol';

/**
 * Business-time arithmetic for SLA clocks, pure: a site's weekly opening hours in its IANA time
 * zone, its holidays, and pauses (a ticket waiting on the employee). Instants are epoch ms.
 * Local days are walked one by one and each day's window is converted to UTC on its own, so
 * DST changes move the window's UTC edges exactly as the wall clock moves.
 */
export interface WorkCalendar {
  timeZone: string;
  /** Index 0 = Sunday; minutes since local midnight, `end` may be 1440. */
  week: ReadonlyArray<{ start: number; end: number } | null>;
  holidays: ReadonlySet<string>;
  /** Each local day's business window in UTC (null: closed), computed once: time-zone lookups are slow. */
  readonly windows: Map<number, readonly [number, number] | null>;
}

/** An interval the clock stood still; `to` null: still paused. */
export interface Pause {
  from: number;
  to: number | null;
}

/** Ten years of days: past this, a calendar with no business time gives up instead of looping. */
const MAX_DAYS = 3660;

export function workCalendar(c: BusinessCalendar): WorkCalendar {
  return {
    timeZone: c.timeZone,
    week: c.week.map((d) => (d === null ? null : { start: minutes(d.start), end: minutes(d.end) })),
    holidays: new Set(c.holidays),
    windows: new Map(),
  };
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which `amountMs` of business time, not counting pauses, has elapsed since
 * `start`; `null` when an open pause stops the clock first or no business time exists.
 */
export function addBusinessMs(cal: WorkCalendar, start: number, amountMs: number, pauses: readonly Pause[] = []): number | null {
  let remaining = amountMs;
  const openPause = pauses.find((p) => p.to === null);
  for (const [a, b] of windowsFrom(cal, start)) {
    if (openPause && a >= openPause.from) return null;
    for (const [s, e] of subtractPauses(a, b, pauses)) {
      if (e - s >= remaining) return s + remaining;
      remaining -= e - s;
    }
  }
  return null;
}

/** Business time between `from` and `to`, not counting pauses (0 when `to` ≤ `from`). */
export function businessMsBetween(cal: WorkCalendar, from: number, to: number, pauses: readonly Pause[] = []): number {
  let total = 0;
  for (const [a, b] of windowsFrom(cal, from)) {
    if (a >= to) break;
    for (const [s, e] of subtractPauses(a, Math.min(b, to), pauses)) total += e - s;
  }
  return total;
}

/**
 * The end of the `days`-th whole business day after `start` (the day `start` falls in does not
 * count): a ticket resolved on Friday afternoon with 3 days waits through Wednesday, closing at
 * Wednesday's closing time, skipping weekends and holidays. `null` when the calendar has no days.
 */
export function afterBusinessDays(cal: WorkCalendar, start: number, days: number): number | null {
  let counted = 0;
  for (const [a, b] of windowsFrom(cal, start)) {
    if (a <= start) continue; // the day it happened (or its rest)
    if (++counted >= days) return b;
  }
  return null;
}

/** Business windows [a, b) in UTC ms, clipped to start at `from`, in order. */
function* windowsFrom(cal: WorkCalendar, from: number): Generator<[number, number]> {
  const first = localDate(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = dayWindow(cal, Date.UTC(first.y, first.m - 1, first.d + i));
    if (!window || window[1] <= from) continue;
    yield [Math.max(window[0], from), window[1]];
  }
}

const MAX_CACHED_DAYS = 20_000;

/** The business window of the local day starting (as a UTC date) at `dayUtc`, cached per calendar. */
function dayWindow(cal: WorkCalendar, dayUtc: number): readonly [number, number] | null {
  const cached = cal.windows.get(dayUtc);
  if (cached !== undefined) return cached;
  const day = new Date(dayUtc);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  const d = day.getUTCDate();
  const hours = cal.week[day.getUTCDay()];
  const window: readonly [number, number] | null =
    !hours || hours.end <= hours.start || cal.holidays.has(isoDate(y, m, d))
      ? null
      : [localToUtc(y, m, d, hours.start, cal.timeZone), localToUtc(y, m, d, hours.end, cal.timeZone)];
  if (cal.windows.size >= MAX_CACHED_DAYS) cal.windows.clear();
  cal.windows.set(dayUtc, window);
  return window;
}

function subtractPauses(a: number, b: number, pauses: readonly Pause[]): Array<[number, number]> {
  let parts: Array<[number, number]> = a < b ? [[a, b]] : [];
  for (const p of pauses) {
    const pTo = p.to ?? Number.POSITIVE_INFINITY;
    const next: Array<[number, number]> = [];
    for (const [s, e] of parts) {
      if (pTo <= s || p.from >= e) {
        next.push([s, e]);
        continue;
      }
      if (p.from > s) next.push([s, p.from]);
      if (pTo < e) next.push([pTo, e]);
    }
    parts = next;
  }
  return parts;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(t: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts['year'] ?? 1970, m: parts['month'] ?? 1, d: parts['day'] ?? 1, h: parts['hour'] ?? 0, min: parts['minute'] ?? 0, s: parts['second'] ?? 0 };
}

const QUARTER_HOUR = 900_000;
const localDates = new Map<string, { y: number; m: number; d: number }>();

/** The local date at `t`. Cached per quarter hour: zone offsets only ever change on quarter hours. */
function localDate(t: number, timeZone: string): { y: number; m: number; d: number } {
  const key = `${timeZone}|${Math.floor(t / QUARTER_HOUR)}`;
  const hit = localDates.get(key);
  if (hit) return hit;
  const w = wallClock(t, timeZone);
  if (localDates.size >= MAX_CACHED_DAYS) localDates.clear();
  const date = { y: w.y, m: w.m, d: w.d };
  localDates.set(key, date);
  return date;
}

/** Local minus UTC, in ms, at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(t / 1000) * 1000;
}

/**
 * The UTC instant of local wall time y-m-d + minutes. A wall time skipped by a spring-forward
 * change is shifted forward by the gap (as Temporal's "compatible" does); a repeated one (fall
 * back) maps to its first occurrence.
 */
export function localToUtc(y: number, m: number, d: number, minutesOfDay: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d, 0, minutesOfDay);
  // The offsets half a day either side bracket any change on this day.
  const candidates = [wall - offsetAt(wall - HALF_DAY_MS, timeZone), wall - offsetAt(wall + HALF_DAY_MS, timeZone)];
  const valid = candidates.filter((c) => c + offsetAt(c, timeZone) === wall);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

const HALF_DAY_MS = 12 * 3_600_000;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

