import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import { aTicket } from '../test-support/period-records.js';

// The queue's server-side pages (migration 0020): text through the full-text index, sorts, offset, count.
describe('ticket pages and text search', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore();
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  const seed = async () => {
    const printer = aTicket({ subject: 'Printer jams on floor 2', priority: 'P3', status: 'open', createdAt: at(1000) });
    const vpn = aTicket({ subject: 'VPN drops', description: 'Since the update the printer queue is stuck too', priority: 'P1', status: 'new', createdAt: at(2000) });
    const mail = aTicket({ subject: 'Outlook password prompt', requester: { name: 'Zoë Müller', username: null, email: 'zoe@example.com' }, priority: 'P1', status: 'pending', createdAt: at(3000) });
    const done = aTicket({ subject: 'Printer toner', priority: 'P4', status: 'closed', createdAt: at(4000) });
    for (const t of [printer, vpn, mail, done]) await temp.store.tickets.create(t);
    return { printer, vpn, mail, done };
  };

  it('matches word prefixes in subject, description and requester, and ticket numbers', async () => {
    const { printer, vpn, mail, done } = await seed();
    const ids = async (text: string, statuses?: ('new' | 'open' | 'pending' | 'resolved' | 'closed')[]) =>
      (await temp.store.tickets.list({ text, sort: 'number', ...(statuses ? { statuses } : {}) })).map((t) => t.id);
    expect(await ids('prin')).toEqual([printer.id, vpn.id, done.id]);
    expect(await ids('PRINTER jam')).toEqual([printer.id]);
    expect(await ids('zoe')).toEqual([mail.id]);
    expect(await ids('muller')).toEqual([mail.id]);
    expect(await ids('#3')).toEqual([mail.id]);
    expect(await ids('printer', ['new', 'open'])).toEqual([printer.id, vpn.id]);
    expect(await ids('"); drop table tickets; --')).toEqual([]);
    expect(await ids('!!!')).toEqual([]);
    // Other changes leave the row findable.
    await temp.store.tickets.update(mail.id, { status: 'resolved', resolvedAt: at(5000) });
    expect(await ids('outlook')).toEqual([mail.id]);
  });

  it('sorts, pages and counts', async () => {
    const { printer, vpn, mail, done } = await seed();
    const open = { statuses: ['new', 'open', 'pending', 'resolved'] as const };
    expect((await temp.store.tickets.list({ ...open, sort: 'queue' })).map((t) => t.id)).toEqual([vpn.id, mail.id, printer.id]);
    expect((await temp.store.tickets.list({ sort: 'subject' })).map((t) => t.id)).toEqual([mail.id, printer.id, done.id, vpn.id]);
    expect((await temp.store.tickets.list({ sort: 'created', limit: 2 })).map((t) => t.id)).toEqual([done.id, mail.id]);
    expect((await temp.store.tickets.list({ sort: 'created', limit: 2, offset: 2 })).map((t) => t.id)).toEqual([vpn.id, printer.id]);
    expect((await temp.store.tickets.list({ sort: 'number', order: 'desc', priorities: ['P1'] })).map((t) => t.id)).toEqual([mail.id, vpn.id]);
    expect(await temp.store.tickets.count({ ...open })).toBe(3);
    expect(await temp.store.tickets.count({ text: 'printer', limit: 1, offset: 5 })).toBe(3);
  });
});
