import type { MailChannelStatus } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { MailChannel } from './create-mail-channel.js';

const RECENT_OUTGOING = 50;

/** The e-mail channel's health page: mailboxes as this hub sees them, and the latest outgoing mails. */
export function createMailChannelStatus(deps: { mail: MailChannel; store: Pick<Store, 'mail'>; leads: () => boolean }): () => Promise<MailChannelStatus> {
  return async () => {
    const { mailboxes, smtp } = deps.mail.status();
    const outgoing = await deps.store.mail.recentOutgoing(RECENT_OUTGOING);
    return {
      mailboxes: mailboxes.map((m) => ({ ...m, mailbox: m.mailbox.slice(0, 400), lastError: m.lastError?.slice(0, 1000) ?? null })),
      readingHere: deps.leads(),
      smtp,
      outgoing: outgoing.map((o) => ({
        id: o.id,
        ticketId: o.ticketId,
        kind: o.kind.slice(0, 32),
        to: o.to.slice(0, 320),
        subject: o.subject.slice(0, 400),
        status: o.status,
        attempts: o.attempts,
        lastError: o.lastError?.slice(0, 1000) ?? null,
        createdAt: o.createdAt.toISOString(),
        finishedAt: o.finishedAt?.toISOString() ?? null,
      })),
    };
  };
}
