import type { TicketStatus } from '@deskside/protocol';

/** Who or what asks for a status change. */
export type TransitionTrigger = 'technician' | 'employee-reply' | 'employee-confirm' | 'auto-close' | 'merge';

/**
 * Every legal transition and who may cause it. Anything absent is refused.
 * new → open → pending (waiting on the employee) → resolved → closed; closed is final (a reply to
 * a closed ticket opens a follow-up ticket instead); merging closes a duplicate from any open state.
 */
export const TRANSITIONS: Readonly<Record<TicketStatus, Partial<Record<TicketStatus, readonly TransitionTrigger[]>>>> = {
  new: { open: ['technician'], pending: ['technician'], resolved: ['technician'], closed: ['merge'] },
  open: { pending: ['technician'], resolved: ['technician'], closed: ['merge'] },
  pending: { open: ['technician', 'employee-reply'], resolved: ['technician'], closed: ['merge'] },
  resolved: { open: ['technician', 'employee-reply'], closed: ['technician', 'employee-confirm', 'auto-close', 'merge'] },
  closed: {},
};

export type TransitionCheck = { ok: true } | { ok: false; message: string };

/** Whether `trigger` may move a ticket from `from` to `to`; the refusal says why, for people. */
export function checkTransition(from: TicketStatus, to: TicketStatus, trigger: TransitionTrigger): TransitionCheck {
  if (from === to) return { ok: false, message: `The ticket is already ${from}.` };
  if (from === 'closed') return { ok: false, message: 'The ticket is closed; closed tickets cannot change (open a follow-up ticket).' };
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return { ok: false, message: `A ${from} ticket cannot become ${to}.` };
  if (!allowed.includes(trigger)) return { ok: false, message: `A ${from} ticket becomes ${to} only by ${allowed.join(' or ')}, not by ${trigger}.` };
  return { ok: true };
}

/** Where an employee's reply takes a ticket: it answers what was asked, or reopens a resolved one. */
export function statusAfterEmployeeReply(status: TicketStatus): TicketStatus | 'follow-up' {
  if (status === 'closed') return 'follow-up';
  if (status === 'pending' || status === 'resolved') return 'open';
  return status;
}

/** Statuses in which the SLA clock stands still. */
export function isPaused(status: TicketStatus): boolean {
  return status === 'pending';
}

/** Statuses that count as done for SLA purposes. */
export function isDone(status: TicketStatus): boolean {
  return status === 'resolved' || status === 'closed';
}
