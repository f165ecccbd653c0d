import type { Repositories, Store, TicketRecord } from '@deskside/store';
import type { Clock } from '../../../clock.js';
import type { Logger } from '../../../log/logger.js';
import type { AttemptLimiter } from '../../auth/attempt-limiter.js';
import { noEffects, type TicketIntake } from '../../tickets/ticket-intake.js';
import type { MailOut } from './mail-out.js';
import { parseMail, type InboundMail } from './mail-parse.js';
import { cleanSubject, loopReason, stripQuoted, ticketNumberIn } from './mail-rules.js';
import type { MailboxConfig } from './mail-urls.js';

/** What became of one mail. */
export type MailTakeResult =
  | { outcome: 'ticket' | 'reply'; ticketId: string }
  | { outcome: 'duplicate' }
  | { outcome: 'ignored' | 'refused'; reason: string };

export interface MailIntakeDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  intake: TicketIntake;
  /** Absent without --smtp: nothing is answered. */
  out: MailOut | undefined;
  /** The desk's own addresses (mailbox users, the SMTP From): mail from them is never taken. */
  ownAddresses: ReadonlySet<string>;
  /** Per sender: mails taken per window; the rest are refused (a flood, a loop we did not recognise). */
  senderLimit: AttemptLimiter;
}

/**
 * Turns one raw mail into a ticket or a reply, exactly once: the Message-ID (or the hash of a mail
 * without one) is recorded in the transaction that writes the ticket, and a mail already recorded
 * changes nothing. The caller flags the mail as taken only after this resolves.
 */
export function createMailIntake(deps: MailIntakeDeps) {
  const { store, intake } = deps;

  const threadTicket = async (tx: Repositories, mail: InboundMail): Promise<TicketRecord | undefined> => {
    const byHeader = await tx.mail.ticketOf(mail.threadIds);
    if (byHeader !== undefined) return tx.tickets.findById(byHeader);
    // `[#123]` alone threads only the ticket's own requester: a number is guessable, a Message-ID is not.
    const number = ticketNumberIn(mail.subject);
    if (number === null || mail.from === null) return undefined;
    const t = await tx.tickets.findByNumber(number);
    return t && t.requester.email?.toLowerCase() === mail.from.address ? t : undefined;
  };

  const defaultSite = async (tx: Repositories, wanted: string | null): Promise<string> => {
    const sites = await tx.sites.list();
    const chosen = sites.find((s) => s.id === wanted) ?? [...sites].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    if (!chosen) throw new Error('the hub has no site to file mail under');
    return chosen.id;
  };

  const recordOnly = async (mail: InboundMail, mailbox: MailboxConfig, outcome: 'ignored' | 'refused', reason: string): Promise<MailTakeResult> => {
    const fresh = await store.mail.record({ messageId: mail.key, direction: 'in', mailbox: mailbox.label, ticketId: null, outcome, createdAt: deps.clock() });
    return fresh ? { outcome, reason } : { outcome: 'duplicate' };
  };

  return {
    async take(raw: Buffer, mailbox: MailboxConfig): Promise<MailTakeResult> {
      const mail = await parseMail(raw);
      if (await store.mail.find(mail.key)) return { outcome: 'duplicate' };
      const loop = loopReason(mail, deps.ownAddresses);
      if (loop !== null) return recordOnly(mail, mailbox, 'ignored', loop);
      const from = mail.from as NonNullable<InboundMail['from']>;
      if ((await deps.senderLimit.take(from.address)) !== undefined) return recordOnly(mail, mailbox, 'refused', 'sender over its rate limit');
      const effects = noEffects();
      const now = deps.clock();
      const result = await store.transaction(async (tx): Promise<MailTakeResult> => {
        const existing = await threadTicket(tx, mail);
        const notes = attachmentNote(mail);
        let outcome: 'ticket' | 'reply';
        let t: TicketRecord;
        if (existing) {
          t = await intake.requesterReplyIn(tx, existing, `${stripQuoted(mail.text) || '(empty reply)'}${notes}`.slice(0, 16_000), now, effects);
          outcome = 'reply';
        } else {
          t = await intake.createFromChannelIn(tx, {
            subject: cleanSubject(mail.subject),
            description: `${mail.text.trim() || '(no text)'}${notes}`.slice(0, 16_000),
            category: mailbox.category,
            requester: { name: from.name, username: null, email: from.address },
            siteId: await defaultSite(tx, mailbox.siteId),
            channel: 'email',
            createdAt: now,
          }, effects);
          outcome = 'ticket';
          await deps.out?.queueIn(tx, t, 'received', null, now);
        }
        // Insert-first would be cleaner, but the ticket is not known before: a second taker of the
        // same mail fails here on the primary key and its transaction rolls back.
        if (!(await tx.mail.record({ messageId: mail.key, direction: 'in', mailbox: mailbox.label, ticketId: t.id, outcome, createdAt: now }))) throw new DuplicateMail();
        return { outcome, ticketId: t.id };
      }).catch((err: unknown) => {
        if (err instanceof DuplicateMail) return { outcome: 'duplicate' } as const;
        throw err;
      });
      if (result.outcome === 'ticket' || result.outcome === 'reply') await intake.afterCommit(effects);
      return result;
    },

    /** A mail over the size budget: never downloaded; recorded, and its sender told why. */
    async refuseTooLarge(envelope: { messageId: string | null; from: string | null; subject: string; bytes: number }, mailbox: MailboxConfig, maxBytes: number): Promise<MailTakeResult> {
      const key = envelope.messageId ?? `too-large:${mailbox.label}:${envelope.subject}:${envelope.bytes}`;
      if (await store.mail.find(key)) return { outcome: 'duplicate' };
      const now = deps.clock();
      const from = envelope.from?.toLowerCase() ?? null;
      const answer = from !== null && !deps.ownAddresses.has(from) && !/^(mailer-daemon|postmaster|no-?reply)@/i.test(from) && (await deps.senderLimit.take(from)) === undefined;
      await store.transaction(async (tx) => {
        if (!(await tx.mail.record({ messageId: key, direction: 'in', mailbox: mailbox.label, ticketId: null, outcome: 'refused', createdAt: now }))) return;
        if (answer && from !== null) {
          const mb = Math.round(maxBytes / 1_000_000);
          await deps.out?.refusalIn(tx, from, envelope.subject, envelope.messageId, `Hello,\n\nyour mail "${envelope.subject}" is larger than the ${mb} MB the help desk accepts, so it did not become a ticket. Please send it again without the large attachments (a link to the file works), or call the help desk.\n`, now);
        }
      });
      return { outcome: 'refused', reason: `larger than ${maxBytes} bytes` };
    },
  };
}

export type MailIntake = ReturnType<typeof createMailIntake>;

class DuplicateMail extends Error {}

/** Attachments are not stored yet (#16 follow-up): the ticket says which came, so nobody is surprised. */
function attachmentNote(mail: InboundMail): string {
  if (mail.attachments.length === 0) return '';
  const list = mail.attachments.slice(0, 20).map((a) => `- ${a.filename} (${a.contentType}, ${Math.ceil(a.content.length / 1024)} KB)`);
  return `\n\nAttachments (not kept by the help desk):\n${list.join('\n')}`;
}
