/**
 * Dates as tools print them in the user's locale. A date we cannot place for sure keeps its text
 * and says why, rather than being guessed into the wrong month.
 */
export interface PrintedDate {
  /** Exactly as printed. */
  readonly text: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` in the machine's local time (no zone is printed); null when unsure. */
  readonly iso: string | null;
  /** Why `iso` is null. */
  readonly note?: string;
}

export type DayMonthOrder = 'dmy' | 'mdy';

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** `20210724` (registry InstallDate) to `2021-07-24`; undefined when it is not a real date. */
export function compactDateToIso(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, y = '', m = '', d = ''] = match;
  return validDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : undefined;
}

/**
 * Decides day/month order from every date a tool printed in one run: one value over 12 in the
 * first position means day-first, in the second means month-first. Undefined when nothing tells.
 */
export function inferDayMonthOrder(texts: readonly string[]): DayMonthOrder | undefined {
  let dmy = false;
  let mdy = false;
  for (const text of texts) {
    const match = NUMERIC.exec(text.trim());
    if (!match || (match[1] ?? '').length === 4) continue;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  if (dmy === mdy) return undefined;
  return dmy ? 'dmy' : 'mdy';
}

/** Parses `2/16/2021, 11:20:27 AM`, `24/04/2024 09:37`, `6/27/09 8:18 AM`, `2024-04-24` with a known order. */
export function parsePrintedDate(text: string, order: DayMonthOrder | undefined): PrintedDate {
  const trimmed = text.trim();
  const match = NUMERIC.exec(trimmed);
  if (!match) return { text: trimmed, iso: null, note: 'unrecognized date format' };
  const [, p1 = '', p2 = '', p3 = '', hh, mm, ss, ampm] = match;
  let year: number;
  let month: number;
  let day: number;
  if (p1.length === 4) {
    [year, month, day] = [Number(p1), Number(p2), Number(p3)];
  } else {
    const a = Number(p1);
    const b = Number(p2);
    const effective = order ?? (a > 12 ? 'dmy' : b > 12 ? 'mdy' : undefined);
    if (effective === undefined) {
      return { text: trimmed, iso: null, note: 'day and month order is ambiguous (both are 12 or less)' };
    }
    [day, month] = effective === 'dmy' ? [a, b] : [b, a];
    year = p3.length === 2 ? 2000 + Number(p3) - (Number(p3) >= 70 ? 100 : 0) : Number(p3);
  }
  if (!validDate(year, month, day)) return { text: trimmed, iso: null, note: 'not a calendar date' };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hh === undefined || mm === undefined) return { text: trimmed, iso: date };
  let hour = Number(hh);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return { text: trimmed, iso: null, note: 'invalid 12-hour time' };
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || Number(mm) > 59) return { text: trimmed, iso: null, note: 'invalid time' };
  return { text: trimmed, iso: `${date}T${pad(hour)}:${mm}${ss === undefined ? '' : `:${ss}`}` };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1970 || year > 2200) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');
