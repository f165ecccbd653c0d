import type { TicketChangeEvent } from '@deskside/agent-core';

/** A notification to show: title and body are plain text (Electron shows them as such). */
export interface TicketNotice {
  ticketId: string;
  title: string;
  body: string;
}

const STATUS_WORDS: Record<string, string> = {
  new: 'received',
  open: 'being worked on',
  pending: 'waiting for your answer',
  resolved: 'resolved',
  closed: 'closed',
};

/** What to tell the employee about a change, or `null` for changes not worth a notification. */
export function ticketNotice(event: TicketChangeEvent): TicketNotice | null {
  const { ticket } = event;
  const name = ticket.number === null ? `“${clip(ticket.subject, 60)}”` : `#${ticket.number}`;
  if (event.change === 'reply') {
    const answer = [...ticket.messages].reverse().find((m) => m.from !== 'employee');
    return { ticketId: ticket.id, title: `New answer on your ticket ${name}`, body: clip(answer?.body ?? ticket.subject, 200) };
  }
  if (event.change === 'status') {
    return { ticketId: ticket.id, title: `Your ticket ${name} is ${STATUS_WORDS[ticket.status] ?? ticket.status}`, body: clip(ticket.subject, 200) };
  }
  if (event.change === 'failed') {
    return { ticketId: ticket.id, title: 'Your request could not be sent', body: 'Please contact your help desk directly.' };
  }
  return null;
}

/** Shows a native notification per worthwhile change; a click opens My tickets on that ticket. */
export function setupTicketNotifications(options: {
  onChange: (listener: (event: TicketChangeEvent) => void) => () => void;
  show: (notice: TicketNotice, onClick: () => void) => void;
  openTicket: (ticketId: string) => void;
}): () => void {
  return options.onChange((event) => {
    const notice = ticketNotice(event);
    if (notice) options.show(notice, () => options.openTicket(notice.ticketId));
  });
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
