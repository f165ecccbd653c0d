import type { Priority, Ticket } from '@deskside/protocol';

/** The help desk at a glance: what is open, whose, and what is late. */
export interface TicketFigures {
  open: number;
  unassigned: number;
  mine: number;
  /** Resolution or first-response SLA already missed. */
  breached: number;
  breachingSoon: number;
  /** Waiting on the requester. */
  pending: number;
  byPriority: Record<Priority, number>;
}

/** Counts over the live tickets that are not resolved or closed. */
export function ticketFigures(tickets: Iterable<Ticket>, meId: string): TicketFigures {
  const f: TicketFigures = { open: 0, unassigned: 0, mine: 0, breached: 0, breachingSoon: 0, pending: 0, byPriority: { P1: 0, P2: 0, P3: 0, P4: 0 } };
  for (const t of tickets) {
    if (t.status === 'resolved' || t.status === 'closed' || t.mergedIntoId !== null) continue;
    f.open += 1;
    if (t.assigneeId === null) f.unassigned += 1;
    else if (t.assigneeId === meId) f.mine += 1;
    if (t.sla.state === 'breached') f.breached += 1;
    if (t.sla.state === 'breaching-soon') f.breachingSoon += 1;
    if (t.status === 'pending') f.pending += 1;
    f.byPriority[t.priority] += 1;
  }
  return f;
}
