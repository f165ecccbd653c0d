import type { Priority, SlaSettings } from '@deskside/protocol';
import { addBusinessMs, businessMsBetween, type WorkCalendar } from '../tickets/sla-clock.js';
import type { TicketTimeline } from './ticket-timeline.js';

/** The ticket desk's SLA clock as the report needs it (CompiledSla satisfies it). */
export interface ReportSla {
  readonly settings: Pick<SlaSettings, 'targets'>;
  calendarOf(siteId: string): WorkCalendar;
}

/** A target decided at `at`: met (the response/resolution came by the due time) or breached (the due time passed first). */
export interface SlaDecision {
  met: boolean;
  at: number;
}

export interface TicketSla {
  firstResponse: SlaDecision | null;
  resolution: SlaDecision | null;
  /** Business time (the SLA clock: business hours, pauses excluded) to first response / resolution. */
  firstResponseBusinessMs: number | null;
  resolutionBusinessMs: number | null;
}

/**
 * Each target is decided once, at one instant, so consecutive periods never count it twice: met
 * at the response (resolution) when it came by the due time, breached AT the due time otherwise
 * (even if the answer came later, or never). The due time comes from the desk's own business
 * clock and targets, with the pauses the history shows. An undecided target (not due yet, or the
 * clock stopped by a pause still running at the cut-off) counts nowhere. A duplicate merged away
 * before its due time has no decision.
 */
export function ticketSla(sla: ReportSla, priority: Priority, siteId: string, tl: TicketTimeline, cutoff: number): TicketSla {
  const target = sla.settings.targets[priority];
  const cal = sla.calendarOf(siteId);
  const end = tl.mergedAt ?? cutoff;
  const frDue = addBusinessMs(cal, tl.openedAt, target.firstResponseMinutes * 60_000, tl.pauses);
  const resDue = addBusinessMs(cal, tl.openedAt, target.resolutionMinutes * 60_000, tl.pauses);
  return {
    firstResponse: decide(tl.firstResponse?.at ?? null, frDue, end),
    resolution: decide(tl.resolution?.at ?? null, resDue, end),
    firstResponseBusinessMs: tl.firstResponse ? businessMsBetween(cal, tl.openedAt, tl.firstResponse.at, tl.pauses) : null,
    resolutionBusinessMs: tl.resolution ? businessMsBetween(cal, tl.openedAt, tl.resolution.at, tl.pauses) : null,
  };
}

function decide(doneAt: number | null, due: number | null, end: number): SlaDecision | null {
  if (doneAt !== null && (due === null || doneAt <= due)) return { met: true, at: doneAt };
  if (due !== null && due < end) return { met: false, at: due };
  return null;
}
