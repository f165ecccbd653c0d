const HOUR = 3_600_000;

/** A ready-made snooze the technician can pick. */
export interface SnoozeChoice {
  label: string;
  /** ISO instant (UTC). */
  until: string;
}

/** 1 h, 4 h, and tomorrow 08:00 in the viewer's zone, from `now`. */
export function snoozeChoices(now: number): SnoozeChoice[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(8, 0, 0, 0);
  return [
    { label: '1 hour', until: new Date(now + HOUR).toISOString() },
    { label: '4 hours', until: new Date(now + 4 * HOUR).toISOString() },
    { label: 'Until tomorrow 08:00', until: tomorrow.toISOString() },
  ];
}

/** Longest snooze a technician may set by hand: past that, resolve or fix the check. */
export const MAX_SNOOZE_MS = 90 * 24 * HOUR;

/**
 * A `<input type="datetime-local">` value ("2026-03-10T14:30", the viewer's zone) as an ISO
 * instant, or why it cannot be used: it must parse, lie in the future and within 90 days.
 */
export function parseCustomSnooze(value: string, now: number): { ok: true; until: string } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return { ok: false, message: 'Pick a date and time.' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, 0, 0);
  // new Date() rolls 31 February over to March: a date that does not exist is refused, not moved.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d || at.getHours() !== h) {
    return { ok: false, message: 'That date does not exist.' };
  }
  if (at.getTime() <= now) return { ok: false, message: 'Pick a time in the future.' };
  if (at.getTime() - now > MAX_SNOOZE_MS) return { ok: false, message: 'Snooze for at most 90 days.' };
  return { ok: true, until: at.toISOString() };
}

/** `now` + 1 h as a `datetime-local` value, to start the custom picker somewhere sensible. */
export function defaultCustomSnooze(now: number): string {
  const d = new Date(now + HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
