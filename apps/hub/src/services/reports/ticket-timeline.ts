import type { TicketEvent, TicketStatus } from '@deskside/protocol';
import type { Pause } from '../tickets/sla-clock.js';
import { isPaused } from '../tickets/status-machine.js';

/** Who did something, as the history recorded them then. */
export interface EventActor {
  userId: string | null;
  name: string;
}

/**
 * What a ticket's history says, read up to a cut-off instant (the report's end): nothing the
 * ticket did later changes a past period's figures.
 *
 * - opened: the `created` event (the ticket record's creation time when the event is missing).
 * - first response: the first public technician event that speaks to the employee — a reply, or a
 *   status change to pending (a question) or resolved (the answer with its note). These are the
 *   instants the ticket desk stops its first-response clock on, so report and SLA badge agree.
 * - resolution: the LAST change to `resolved` still standing at the cut-off. A ticket resolved,
 *   reopened and resolved again counts once, resolved at the last time; a ticket reopened and
 *   still open at the cut-off is not resolved. Closing a resolved ticket keeps its resolution.
 * - merged: a duplicate closed by merging into another ticket leaves the backlog then, unresolved.
 * - pauses: the intervals spent `pending` (the SLA clock stands still), the last one open if the
 *   ticket was still pending at the cut-off.
 */
export interface TicketTimeline {
  openedAt: number;
  firstResponse: { at: number; by: EventActor } | null;
  resolution: { at: number; by: EventActor } | null;
  mergedAt: number | null;
  /** Status changes in order (the first is the opening, `new`). */
  statuses: ReadonlyArray<{ at: number; status: TicketStatus }>;
  pauses: Pause[];
  /** Public technician replies (type `reply`) with their instant and author. */
  replies: ReadonlyArray<{ at: number; by: EventActor }>;
}

const STATUSES: ReadonlySet<string> = new Set<TicketStatus>(['new', 'open', 'pending', 'resolved', 'closed']);

/** Builds one ticket's timeline from its events (any order), ignoring events at or after `cutoff`. */
export function ticketTimeline(createdAt: number, events: readonly TicketEvent[], cutoff: number): TicketTimeline {
  const ordered = events
    .map((e) => ({ e, at: Date.parse(e.at) }))
    .filter((x) => Number.isFinite(x.at) && x.at < cutoff)
    .sort((a, b) => a.at - b.at || a.e.id.localeCompare(b.e.id));
  const created = ordered.find((x) => x.e.type === 'created');
  const openedAt = created?.at ?? createdAt;
  const statuses: Array<{ at: number; status: TicketStatus }> = [{ at: openedAt, status: 'new' }];
  const pauses: Pause[] = [];
  const replies: Array<{ at: number; by: EventActor }> = [];
  let firstResponse: TicketTimeline['firstResponse'] = null;
  let resolution: TicketTimeline['resolution'] = null;
  let mergedAt: number | null = null;

  for (const { e, at } of ordered) {
    const by = { userId: e.actor.userId, name: e.actor.name };
    const technicianPublic = e.actor.type === 'technician' && e.visibility === 'public';
    if (technicianPublic && e.type === 'reply') replies.push({ at, by });
    if (firstResponse === null && technicianPublic && (e.type === 'reply' || (e.type === 'status-changed' && (e.to === 'pending' || e.to === 'resolved')))) {
      firstResponse = { at, by };
    }
    let next: TicketStatus | undefined;
    if (e.type === 'status-changed' && e.to !== null && STATUSES.has(e.to)) next = e.to as TicketStatus;
    // The duplicate's side of a merge names the target in `to`; the target's side names the duplicate in `from`.
    if (e.type === 'merged' && e.to !== null) {
      next = 'closed';
      mergedAt = at;
    }
    if (next === undefined) continue;
    const previous = statuses.at(-1)?.status ?? 'new';
    if (next === 'resolved') resolution = { at, by };
    else if (next !== 'closed') resolution = null;
    if (!isPaused(previous) && isPaused(next)) pauses.push({ from: at, to: null });
    if (isPaused(previous) && !isPaused(next)) {
      const open = pauses.at(-1);
      if (open && open.to === null) open.to = at;
    }
    statuses.push({ at, status: next });
  }
  return { openedAt, firstResponse, resolution, mergedAt, statuses, pauses, replies };
}

/** The ticket's status just before instant `t` (events at `t` belong to what follows); undefined before it was opened. */
export function statusAt(timeline: TicketTimeline, t: number): TicketStatus | undefined {
  let status: TicketStatus | undefined;
  for (const s of timeline.statuses) {
    if (s.at >= t) break;
    status = s.status;
  }
  return status;
}

/** Whether the ticket counts in the backlog at `t`: opened and new, open or pending. */
export function isOpenAt(timeline: TicketTimeline, t: number): boolean {
  const s = statusAt(timeline, t);
  return s === 'new' || s === 'open' || s === 'pending';
}
