import type { BusinessCalendar, Priority, SlaSettings, SlaState, SlaTarget } from '@deskside/protocol';
import type { TicketRecord } from '@deskside/store';
import { addBusinessMs, businessMsBetween, workCalendar, type Pause, type WorkCalendar } from './sla-clock.js';
import { isDone, isPaused } from './status-machine.js';

/** A business day of the default calendar (08:00–18:00) is 10 hours. */
const BUSINESS_DAY_MIN = 10 * 60;

/** Defaults: P1 30 min / 4 h, P2 1 h / 8 h, P3 4 h / 3 business days, P4 1 / 5 business days. */
export const DEFAULT_SLA_TARGETS: Readonly<Record<Priority, SlaTarget>> = {
  P1: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
  P2: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  P3: { firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * BUSINESS_DAY_MIN },
  P4: { firstResponseMinutes: BUSINESS_DAY_MIN, resolutionMinutes: 5 * BUSINESS_DAY_MIN },
};

export const DEFAULT_AUTO_CLOSE_DAYS = 7;

/** Mon–Fri 08:00–18:00 in `timeZone`, no holidays. */
export function officeHours(timeZone: string): BusinessCalendar {
  const day = { start: '08:00', end: '18:00' };
  return { timeZone, week: [null, day, day, day, day, day, null], holidays: [] };
}

/** "Breaching soon" once less than this share of the target is left. */
export const BREACHING_SOON_SHARE = 0.2;

export interface SlaView {
  firstResponseDueAt: number | null;
  resolutionDueAt: number | null;
  state: SlaState;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
}

/** Settings compiled for arithmetic: calendars parsed once per settings version. */
export class CompiledSla {
  private readonly calendars = new Map<string, WorkCalendar>();
  private readonly fallback: WorkCalendar;

  constructor(readonly settings: SlaSettings) {
    this.fallback = workCalendar(settings.defaultCalendar);
    for (const c of settings.calendars) this.calendars.set(c.siteId, workCalendar(c.calendar));
  }

  calendarOf(siteId: string): WorkCalendar {
    return this.calendars.get(siteId) ?? this.fallback;
  }

  /** Due times and state of one ticket at `now`. */
  view(t: TicketRecord, now: number): SlaView {
    const target = this.settings.targets[t.priority];
    const cal = this.calendarOf(t.siteId);
    const pauses: Pause[] = t.slaPauses.map((p) => ({ from: p.from.getTime(), to: p.to?.getTime() ?? null }));
    const created = t.createdAt.getTime();
    const frDue = addBusinessMs(cal, created, target.firstResponseMinutes * 60_000, pauses);
    const resDue = addBusinessMs(cal, created, target.resolutionMinutes * 60_000, pauses);
    const respondedAt = t.firstResponseAt?.getTime() ?? null;
    const doneAt = t.resolvedAt?.getTime() ?? t.closedAt?.getTime() ?? null;
    const done = isDone(t.status);
    const firstResponseBreached = t.firstResponseBreachedAt !== null || (frDue !== null && (respondedAt ?? (done ? doneAt : null) ?? now) > frDue);
    const resolutionBreached = t.resolutionBreachedAt !== null || (resDue !== null && ((done ? doneAt : null) ?? now) > resDue);
    const base = { firstResponseDueAt: frDue, resolutionDueAt: resDue, firstResponseBreached, resolutionBreached };
    if (firstResponseBreached || resolutionBreached) return { ...base, state: 'breached' };
    if (done) return { ...base, state: 'met' };
    if (isPaused(t.status)) return { ...base, state: 'paused' };
    const soon = (due: number | null, minutes: number) =>
      due !== null && businessMsBetween(cal, now, due, pauses) < BREACHING_SOON_SHARE * minutes * 60_000;
    const frSoon = respondedAt === null && soon(frDue, target.firstResponseMinutes);
    return { ...base, state: frSoon || soon(resDue, target.resolutionMinutes) ? 'breaching-soon' : 'ok' };
  }
}
