import type { Priority, Ticket, TicketCategory, TicketListQuery, TicketStatus } from '@deskside/protocol';
import { slaDisplay } from '../format/sla.js';

/** The queue's filters, as the technician sets them. */
export interface TicketFilter {
  /** Whose tickets: everyone's, mine, or nobody's yet. */
  assignee: 'all' | 'me' | 'none';
  /** `active`: everything not closed (the live queue); a status; `closed` is read over HTTP. */
  status: TicketStatus | 'active';
  tier: 1 | 2 | 3 | null;
  category: TicketCategory | null;
  deviceId: string | null;
}

export const DEFAULT_TICKET_FILTER: TicketFilter = { assignee: 'all', status: 'active', tier: null, category: null, deviceId: null };

/** The tickets that pass a filter; merged duplicates never show (their thread lives on in the target). */
export function filterTickets(tickets: Iterable<Ticket>, filter: TicketFilter, meId: string): Ticket[] {
  const out: Ticket[] = [];
  for (const t of tickets) {
    if (t.mergedIntoId !== null) continue;
    if (filter.status === 'active' ? t.status === 'closed' : t.status !== filter.status) continue;
    if (filter.assignee === 'me' && t.assigneeId !== meId) continue;
    if (filter.assignee === 'none' && t.assigneeId !== null) continue;
    if (filter.tier !== null && t.tier !== filter.tier) continue;
    if (filter.category !== null && t.category !== filter.category) continue;
    if (filter.deviceId !== null && t.deviceId !== filter.deviceId) continue;
    out.push(t);
  }
  return out;
}

const RANK: Record<Priority, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

/** Queue order, as the hub sorts: priority, then the earliest SLA due time (none last), then the oldest. */
export function compareTickets(a: Ticket, b: Ticket): number {
  return (
    RANK[a.priority] - RANK[b.priority] ||
    dueOf(a) - dueOf(b) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.number - b.number
  );
}

function dueOf(t: Ticket): number {
  const due = slaDisplay(t, 0).dueAt;
  const ms = due === null ? Number.NaN : Date.parse(due);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** The queue on screen: filtered, then sorted. */
export function ticketQueue(tickets: Iterable<Ticket>, filter: TicketFilter, meId: string): Ticket[] {
  return filterTickets(tickets, filter, meId).sort(compareTickets);
}

/** The same filter as `GET /api/v1/tickets` query parameters (for statuses the live feed does not carry). */
export function filterToQuery(filter: TicketFilter): TicketListQuery {
  return {
    ...(filter.status !== 'active' ? { status: filter.status } : {}),
    ...(filter.assignee !== 'all' ? { assignee: filter.assignee } : {}),
    ...(filter.tier !== null ? { tier: filter.tier } : {}),
    ...(filter.category !== null ? { category: filter.category } : {}),
    ...(filter.deviceId !== null ? { deviceId: filter.deviceId } : {}),
  };
}

/** Headline counts of a queue: how many, how many breached or close to it, how many nobody has. */
export function queueCounts(tickets: readonly Ticket[], now: number): { total: number; breached: number; soon: number; unassigned: number } {
  let breached = 0;
  let soon = 0;
  let unassigned = 0;
  for (const t of tickets) {
    const state = slaDisplay(t, now).state;
    if (state === 'breached') breached += 1;
    else if (state === 'breaching-soon') soon += 1;
    if (t.assigneeId === null) unassigned += 1;
  }
  return { total: tickets.length, breached, soon, unassigned };
}
