import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PARAMS_PER_STATEMENT } from '../mapping/chunk.js';
import { aTicket } from '../test-support/period-records.js';
import { at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { NewTicket } from './ticket-types.js';

const DAY = 86_400_000;
/** The period: ten days from T0. */
const start = T0;
const end = at(10 * DAY);

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

async function seed(tickets: Record<string, Partial<NewTicket>>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, overrides] of Object.entries(tickets)) {
    const t = aTicket(overrides);
    await temp.store.tickets.create(t);
    ids.set(t.id, name);
  }
  return ids;
}

const names = async (ids: Map<string, string>, filter: { siteIds?: string[]; limit?: number } = {}) =>
  (await temp.store.tickets.listForPeriod({ start, end, limit: 100, ...filter })).map((t) => ids.get(t.id));

describe('tickets.listForPeriod', () => {
  it('takes tickets created before the end and not closed before the start, newest first', async () => {
    const ids = await seed({
      createdAtEnd: { createdAt: end },
      createdJustBeforeEnd: { createdAt: at(10 * DAY - 1) },
      closedAtStart: { createdAt: at(-5 * DAY), status: 'closed', resolvedAt: at(-7 * DAY), closedAt: start },
      closedJustBeforeStart: { createdAt: at(-6 * DAY), status: 'closed', resolvedAt: at(-8 * DAY), closedAt: at(-1) },
      openSinceLongAgo: { createdAt: at(-700 * DAY) },
      resolvedLongAgoNeverClosed: { createdAt: at(-600 * DAY), status: 'resolved', resolvedAt: at(-599 * DAY) },
      closedInPeriod: { createdAt: at(-2 * DAY), status: 'closed', resolvedAt: at(-DAY), closedAt: at(3 * DAY) },
      createdAfter: { createdAt: at(11 * DAY) },
    });
    expect(await names(ids)).toEqual(['createdJustBeforeEnd', 'closedInPeriod', 'closedAtStart', 'resolvedLongAgoNeverClosed', 'openSinceLongAgo']);
  });

  it('answers what a report reads of each ticket', async () => {
    const device = newId();
    const t = aTicket({ createdAt: at(DAY), deviceId: device, siteId: 'site-9', priority: 'P1', category: 'network', status: 'closed', closedAt: at(2 * DAY) });
    await temp.store.tickets.create(t);
    expect(await temp.store.tickets.listForPeriod({ start, end, limit: 10 })).toEqual([
      { id: t.id, number: 1, category: 'network', priority: 'P1', status: 'closed', siteId: 'site-9', deviceId: device, createdAt: at(DAY), closedAt: at(2 * DAY) },
    ]);
  });

  it('keeps to the given sites; none given or an empty list means every site', async () => {
    const ids = await seed({ a: { siteId: 'site-a', createdAt: at(1) }, b: { siteId: 'site-b', createdAt: at(2) }, c: { siteId: 'site-c', createdAt: at(3) } });
    expect(await names(ids, { siteIds: ['site-b'] })).toEqual(['b']);
    expect(await names(ids, { siteIds: ['site-a', 'site-c'] })).toEqual(['c', 'a']);
    expect(await names(ids, { siteIds: ['site-x'] })).toEqual([]);
    expect(await names(ids, { siteIds: [] })).toEqual(['c', 'b', 'a']);
  });

  it('stops at the limit, keeping the newest; the id breaks ties of the same instant', async () => {
    const [first, second] = [newId(1), newId(2)];
    const ids = await seed({ older: { createdAt: at(-DAY) }, tieLow: { id: first, createdAt: at(DAY) }, tieHigh: { id: second, createdAt: at(DAY) } });
    expect(await names(ids, { limit: 2 })).toEqual(['tieHigh', 'tieLow']);
    expect(await names(ids, { limit: 1 })).toEqual(['tieHigh']);
  });
});

describe('ticketEvents.listForTickets', () => {
  it('reads past one statement of ids: a ticket after the first chunk still gets its events', async () => {
    const t = aTicket();
    await temp.store.tickets.create(t);
    const actor = { type: 'system' as const, userId: null, name: 'Deskside' };
    await temp.store.ticketEvents.append([{ id: newId(), ticketId: t.id, at: T0.toISOString(), actor, type: 'created', visibility: 'public', body: null, from: null, to: 'new' }]);
    const unknown = Array.from({ length: MAX_PARAMS_PER_STATEMENT + 10 }, () => newId());
    expect((await temp.store.ticketEvents.listForTickets([...unknown, t.id])).map((e) => e.ticketId)).toEqual([t.id]);
    expect(await temp.store.ticketEvents.listForTickets([])).toEqual([]);
  });
});
