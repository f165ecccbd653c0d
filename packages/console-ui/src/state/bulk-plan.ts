import type { Ticket, TicketStatus } from '@deskside/protocol';

/** What a bulk action will do to the selected tickets. */
export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null; assigneeName: string }
  | { kind: 'status'; status: Exclude<TicketStatus, 'new'> }
  | { kind: 'merge'; intoId: string };

export interface BulkPlan {
  /** Tickets the action changes, and the line saying how. */
  changes: { ticket: Ticket; from: string; to: string }[];
  /** Tickets it leaves as they are (already so, or the merge target). */
  unchanged: Ticket[];
  /** One sentence for the confirmation. */
  summary: string;
}

const STATUS_WORD: Record<TicketStatus, string> = { new: 'new', open: 'open', pending: 'waiting', resolved: 'resolved', closed: 'closed' };

/** The summary of what will change before anything is sent: who moves from what to what. */
export function planBulk(tickets: readonly Ticket[], action: BulkAction): BulkPlan {
  const changes: BulkPlan['changes'] = [];
  const unchanged: Ticket[] = [];
  for (const t of tickets) {
    if (action.kind === 'assign') {
      if (t.assigneeId === action.assigneeId) unchanged.push(t);
      else changes.push({ ticket: t, from: t.assigneeName ?? 'unassigned', to: action.assigneeName });
    } else if (action.kind === 'status') {
      if (t.status === action.status) unchanged.push(t);
      else changes.push({ ticket: t, from: STATUS_WORD[t.status], to: STATUS_WORD[action.status] });
    } else if (t.id === action.intoId) unchanged.push(t);
    else changes.push({ ticket: t, from: `#${t.number}`, to: `merged into #${tickets.find((x) => x.id === action.intoId)?.number ?? '?'}` });
  }
  const n = changes.length;
  const what =
    action.kind === 'assign'
      ? `Assign ${n} ticket${n === 1 ? '' : 's'} to ${action.assigneeName}`
      : action.kind === 'status'
        ? `Set ${n} ticket${n === 1 ? '' : 's'} to ${STATUS_WORD[action.status]}`
        : `Merge ${n} ticket${n === 1 ? '' : 's'} into #${tickets.find((x) => x.id === action.intoId)?.number ?? '?'}`;
  const rest = unchanged.length > 0 && action.kind !== 'merge' ? ` (${unchanged.length} already ${action.kind === 'assign' ? 'assigned so' : 'so'}, left as is)` : '';
  return { changes, unchanged, summary: `${what}${rest}.` };
}
