import { localToUtc } from '../tickets/sla-clock.js';

/** A report period resolved to instants: local days of `timeZone`, `to` included. */
export interface ReportPeriod {
  from: string;
  to: string;
  timeZone: string;
  /** Local midnight starting `from`, epoch ms. */
  start: number;
  /** Local midnight after `to`, epoch ms (exclusive). */
  end: number;
  /** Every local day of the period, in order. */
  days: ReportDay[];
}

export interface ReportDay {
  date: string;
  start: number;
  end: number;
  /** Monday-start week this day belongs to, as the local date of that Monday (may precede `from`). */
  week: string;
}

/** Resolves local dates (YYYY-MM-DD, validated by the caller) in `timeZone` to instants. */
export function reportPeriod(from: string, to: string, timeZone: string): ReportPeriod {
  const days: ReportDay[] = [];
  const first = ymd(from);
  const last = Date.UTC(...ymdArgs(to));
  for (let i = 0; ; i++) {
    const d = new Date(Date.UTC(first.y, first.m - 1, first.d + i));
    if (d.getTime() > last) break;
    const next = new Date(Date.UTC(first.y, first.m - 1, first.d + i + 1));
    const monday = new Date(Date.UTC(first.y, first.m - 1, first.d + i - ((d.getUTCDay() + 6) % 7)));
    days.push({
      date: iso(d),
      start: localToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, timeZone),
      end: localToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone),
      week: iso(monday),
    });
  }
  const start = days[0]?.start ?? 0;
  const end = days.at(-1)?.end ?? start;
  return { from, to, timeZone, start, end, days };
}

function ymd(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

function ymdArgs(date: string): [number, number, number] {
  const { y, m, d } = ymd(date);
  return [y, m - 1, d];
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
