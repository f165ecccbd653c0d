import type { Repositories, TicketRecord } from '@deskside/store';

export type MailNoticeKind = 'received' | 'reply' | 'resolved' | 'too-large';

/** Queues mail to a requester inside the transaction that caused it (the ticket desk's hook). */
export interface MailOut {
  queueIn(tx: Repositories, ticket: TicketRecord, kind: MailNoticeKind, body: string | null, now: Date): Promise<void>;
  /** A polite refusal to a sender whose mail made no ticket (too large); threads onto their mail. */
  refusalIn(tx: Repositories, to: string, subject: string, inReplyTo: string | null, text: string, now: Date): Promise<void>;
}

export interface MailOutDeps {
  newId: () => string;
  /** The desk's address (From); its domain names our Message-IDs. */
  from: string;
}

/** Mails the desk sends, as plain text; each carries its thread so replies come back to the ticket. */
export function createMailOut(deps: MailOutDeps): MailOut {
  const domain = deps.from.split('@')[1] ?? 'deskside.invalid';
  const newMessageId = (): string => `${deps.newId().toLowerCase()}@${domain}`;
  return {
    async queueIn(tx, t, kind, body, now) {
      const to = t.requester.email;
      if (to === null) return;
      const thread = await tx.mail.threadOf(t.id, 20);
      const messageId = newMessageId();
      await tx.mail.record({ messageId, direction: 'out', mailbox: 'smtp', ticketId: t.id, outcome: 'sent', createdAt: now });
      await tx.mail.enqueue({
        id: deps.newId(),
        ticketId: t.id,
        kind,
        to,
        subject: `${kind === 'received' ? '' : 'Re: '}[#${t.number}] ${t.subject}`.slice(0, 250),
        text: noticeText(t, kind, body),
        html: null,
        messageId,
        inReplyTo: thread.at(-1) ?? null,
        references: thread,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        finishedAt: null,
      });
    },
    async refusalIn(tx, to, subject, inReplyTo, text, now) {
      const messageId = newMessageId();
      await tx.mail.enqueue({
        id: deps.newId(),
        ticketId: null,
        kind: 'too-large',
        to,
        subject: `Re: ${subject}`.slice(0, 250),
        text,
        html: null,
        messageId,
        inReplyTo,
        references: inReplyTo ? [inReplyTo] : [],
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        finishedAt: null,
      });
    },
  };
}

function noticeText(t: TicketRecord, kind: MailNoticeKind, body: string | null): string {
  const tag = `[#${t.number}]`;
  const footer = `\n\n--\nReply to this mail to add to ticket ${tag}; keep ${tag} in the subject.`;
  switch (kind) {
    case 'received':
      return `Hello ${t.requester.name},\n\nwe have your request "${t.subject}" as ticket ${tag}. A technician will answer you here.${footer}`;
    case 'reply':
      return `${body ?? ''}${footer}`;
    case 'resolved':
      return `Hello ${t.requester.name},\n\nticket ${tag} "${t.subject}" is resolved:\n\n${body ?? ''}\n\nIs this fixed? If not, reply to this mail and say what still goes wrong: the ticket opens again.${footer}`;
    default:
      return body ?? '';
  }
}
