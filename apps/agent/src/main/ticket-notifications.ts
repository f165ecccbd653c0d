import type { TicketChangeEvent } from '@deskside/agent-core';
import type { Language } from '../common/bridge-api.js';
import { translator } from '../common/translator.js';

/** A notification to show: title and body are plain text (Electron shows them as such). */
export interface TicketNotice {
  ticketId: string;
  title: string;
  body: string;
}

/**
 * What to tell the employee about a change, or `null` for changes not worth a notification. One
 * per event, short and actionable (Apple's and Microsoft's guidance): who answered and the start
 * of the answer; "Is this fixed?" when a technician resolved it; a status in plain words.
 */
export function ticketNotice(event: TicketChangeEvent, language: Language = 'en'): TicketNotice | null {
  const t = translator(language);
  const { ticket } = event;
  // Resolving usually comes with a note (a new answer): one notification, the question.
  if ((event.change === 'reply' || event.change === 'status') && ticket.status === 'resolved' && ticket.askConfirm) {
    return { ticketId: ticket.id, title: t('notify.confirm'), body: t('notify.confirmBody', { subject: clip(ticket.subject, 80) }) };
  }
  if (event.change === 'reply') {
    const answer = [...ticket.messages].reverse().find((m) => m.from !== 'employee');
    return {
      ticketId: ticket.id,
      title: answer?.author ? t('notify.reply', { name: clip(answer.author, 40) }) : t('notify.replyFallback'),
      body: clip(answer?.body ?? ticket.subject, 160),
    };
  }
  if (event.change === 'status') {
    return { ticketId: ticket.id, title: t('notify.status', { status: t(`notify.statusWords.${ticket.status}`) }), body: clip(ticket.subject, 160) };
  }
  if (event.change === 'failed') {
    return { ticketId: ticket.id, title: t('notify.failed'), body: t('notify.failedBody') };
  }
  return null;
}

/** Shows a native notification per worthwhile change; a click opens My tickets on that ticket. */
export function setupTicketNotifications(options: {
  onChange: (listener: (event: TicketChangeEvent) => void) => () => void;
  show: (notice: TicketNotice, onClick: () => void) => void;
  openTicket: (ticketId: string) => void;
  language?: () => Language;
}): () => void {
  return options.onChange((event) => {
    const notice = ticketNotice(event, options.language?.() ?? 'en');
    if (notice) options.show(notice, () => options.openTicket(notice.ticketId));
  });
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
