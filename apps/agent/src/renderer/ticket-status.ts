import type { MyTicketView } from '../common/bridge-api.js';

export type StatusWord = 'queued' | 'failed' | MyTicketView['status'];

/** What the employee reads about where a ticket stands (the locale key under `tickets.status.`). */
export function statusWord(ticket: Pick<MyTicketView, 'delivery' | 'status'>): StatusWord {
  if (ticket.delivery === 'queued') return 'queued';
  if (ticket.delivery === 'failed') return 'failed';
  return ticket.status;
}

/** Statuses that want something from the employee get the "attention" look. */
export const needsAttention = (word: StatusWord): boolean => word === 'pending' || word === 'resolved' || word === 'failed';
