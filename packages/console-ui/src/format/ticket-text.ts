import type { Impact, Priority, TicketCategory, TicketEvent, TicketStatus } from '@deskside/protocol';

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  account: 'Account',
  network: 'Network',
  printer: 'Printer',
  email: 'Email',
  other: 'Other',
};

export const LEVEL_LABELS: Record<Impact, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const PRIORITY_LABELS: Record<Priority, string> = {
  P1: 'P1 · critical',
  P2: 'P2 · high',
  P3: 'P3 · medium',
  P4: 'P4 · low',
};

/** "#1042". */
export function ticketNumber(n: number): string {
  return `#${n}`;
}

/**
 * The one line a history event reads as, besides its body ("changed the status from New to
 * Open"). `from` / `to` come from the hub's own vocabulary (statuses, tiers, user ids for an
 * assignment, resolved by `nameOf`); unknown values are shown as sent, as plain text (the caller
 * renders the result through SafeText).
 */
export function eventSummary(event: Pick<TicketEvent, 'type' | 'from' | 'to'>, nameOf: (userId: string) => string | undefined = () => undefined): string {
  const from = event.from ?? '';
  const to = event.to ?? '';
  switch (event.type) {
    case 'created':
      return 'opened the ticket';
    case 'status-changed':
      return `changed the status${from ? ` from ${statusWord(from)}` : ''} to ${statusWord(to)}`;
    case 'assigned':
      return to ? `assigned the ticket to ${nameOf(to) ?? 'a technician'}` : 'unassigned the ticket';
    case 'escalated':
      // The hub hands an escalated ticket to the new tier unassigned.
      return `escalated${from ? ` from tier ${from}` : ''} to tier ${to || '?'} (now unassigned)`;
    case 'reply':
      return 'replied';
    case 'note':
      return 'added an internal note';
    case 'priority-changed':
      return `changed the priority${from ? ` from ${from}` : ''} to ${to}`;
    case 'merged':
      return to ? 'merged this ticket into another' : 'merged another ticket into this one';
    case 'alert-linked':
      return 'linked an alert';
    case 'time-logged':
      return `logged ${to || 'some'} minutes`;
    case 'attachment-added':
      return 'attached a file';
    case 'sla-breached':
      return `missed the ${to || from || 'SLA'} target`;
    case 'fix-confirmed':
      return 'confirmed the fix';
    case 'fix-rejected':
      return 'says it is not fixed (reopened)';
    case 'rated':
      return to === 'good' ? 'rated the help: good' : 'rated the help: not good';
  }
}

function statusWord(value: string): string {
  return Object.hasOwn(TICKET_STATUS_LABELS, value) ? TICKET_STATUS_LABELS[value as TicketStatus] : value;
}
