import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTicket } from '../test-support/period-records.js';
import { aSite, at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { OutgoingMailRecord } from './mail-types.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('mail messages', () => {
  it('records a Message-ID once and finds the ticket of the first known id of a thread', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    const ticket = aTicket({ siteId: site.id, channel: 'email', source: 'technician' });
    await temp.store.tickets.create(ticket);
    const first = { messageId: 'a@example.com', direction: 'in' as const, mailbox: 'desk@example.com/INBOX', ticketId: ticket.id, outcome: 'ticket' as const, createdAt: at(1) };
    expect(await temp.store.mail.record(first)).toBe(true);
    expect(await temp.store.mail.record({ ...first, outcome: 'reply', createdAt: at(2) })).toBe(false);
    expect(await temp.store.mail.find('a@example.com')).toEqual(first);
    await temp.store.mail.record({ messageId: 'sha256:ff', direction: 'in', mailbox: 'm', ticketId: ticket.id, outcome: 'reply', createdAt: at(3) });
    await temp.store.mail.record({ messageId: 'b@desk', direction: 'out', mailbox: 'smtp', ticketId: ticket.id, outcome: 'sent', createdAt: at(4) });
    await temp.store.mail.record({ messageId: 'junk@x', direction: 'in', mailbox: 'm', ticketId: null, outcome: 'ignored', createdAt: at(5) });
    expect(await temp.store.mail.ticketOf(['unknown@x', 'junk@x', 'b@desk'])).toBe(ticket.id);
    expect(await temp.store.mail.ticketOf(['junk@x'])).toBeUndefined();
    expect(await temp.store.mail.ticketOf([])).toBeUndefined();
    // Hashes are not Message-IDs: a reply cannot reference them.
    expect(await temp.store.mail.threadOf(ticket.id, 10)).toEqual(['a@example.com', 'b@desk']);
    expect((await temp.store.tickets.list({ channel: 'email' })).map((t) => t.id)).toEqual([ticket.id]);
    expect(await temp.store.tickets.list({ channel: 'phone' })).toEqual([]);
  });
});

describe('mail outbox', () => {
  const mail = (n: number): OutgoingMailRecord => ({
    id: newId(),
    ticketId: null,
    kind: 'received',
    to: 'alice@example.com',
    subject: `[#${n}] Printer`,
    text: 'We have your request.',
    html: null,
    messageId: `${n}@desk`,
    inReplyTo: 'orig@example.com',
    references: ['orig@example.com'],
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at(n),
    lastError: null,
    createdAt: at(0),
    finishedAt: null,
  });

  it('hands out due mail oldest first and keeps the outcome of each attempt', async () => {
    const [m1, m2] = [mail(1), mail(2)];
    await temp.store.mail.enqueue(m2);
    await temp.store.mail.enqueue(m1);
    await temp.store.mail.enqueue(m1);
    expect((await temp.store.mail.due(at(1), 10)).map((m) => m.id)).toEqual([m1.id]);
    expect(await temp.store.mail.due(at(2), 10)).toEqual([m1, m2]);
    await temp.store.mail.recordAttempt(m1.id, { status: 'sent', attempts: 1, nextAttemptAt: at(1), lastError: null, at: at(3) });
    await temp.store.mail.recordAttempt(m2.id, { status: 'pending', attempts: 1, nextAttemptAt: at(9), lastError: 'connection refused', at: at(3) });
    expect(await temp.store.mail.nextDue()).toEqual(at(9));
    expect(await temp.store.mail.due(at(8), 10)).toEqual([]);
    const recent = await temp.store.mail.recentOutgoing(10);
    expect(recent.map((m) => [m.status, m.lastError])).toEqual(expect.arrayContaining([['sent', null], ['pending', 'connection refused']]));
    expect(recent.find((m) => m.id === m1.id)?.finishedAt).toEqual(at(3));
  });
});
