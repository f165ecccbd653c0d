import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import { aTicket } from '../test-support/period-records.js';

describe('ticket repositories', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore();
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  it('numbers tickets from one sequence and reads them back whole', async () => {
    const a = aTicket({ diagnostics: { hello: 'world' }, slaPauses: [{ from: at(1000), to: null }] });
    const b = aTicket({ createdAt: at(5000) });
    expect(await temp.store.tickets.create(a)).toBe(1);
    expect(await temp.store.tickets.create(b)).toBe(2);
    const read = await temp.store.tickets.findById(a.id);
    expect(read).toMatchObject({ number: 1, hasDiagnostics: true, slaPauses: [{ from: at(1000), to: null }], requester: a.requester });
    expect((await temp.store.tickets.findById(b.id))?.hasDiagnostics).toBe(false);
    expect(await temp.store.tickets.diagnostics(a.id)).toEqual({ hello: 'world' });
  });

  it('rolls the number back with a failed transaction', async () => {
    const a = aTicket();
    await temp.store.tickets.create(a);
    await expect(temp.store.transaction(async (tx) => tx.tickets.create(aTicket({ id: a.id })))).rejects.toThrow();
    expect(await temp.store.tickets.create(aTicket())).toBe(2);
  });

  it('filters and patches', async () => {
    const a = aTicket({ category: 'network', deviceId: 'dev-1' });
    const b = aTicket({ assigneeId: 'u1', tier: 2, siteId: 'site-2' });
    await temp.store.tickets.create(a);
    await temp.store.tickets.create(b);
    expect((await temp.store.tickets.list({ category: 'network' })).map((t) => t.id)).toEqual([a.id]);
    expect((await temp.store.tickets.list({ assigneeId: null })).map((t) => t.id)).toEqual([a.id]);
    expect((await temp.store.tickets.list({ tier: 2, siteIds: ['site-2'] })).map((t) => t.id)).toEqual([b.id]);
    await temp.store.tickets.update(a.id, { status: 'resolved', resolvedAt: at(10), linkedAlertIds: ['x'] });
    expect(await temp.store.tickets.findById(a.id)).toMatchObject({ status: 'resolved', resolvedAt: at(10), linkedAlertIds: ['x'] });
    expect((await temp.store.tickets.list({ resolvedBefore: at(11) })).map((t) => t.id)).toEqual([a.id]);
  });

  it('keeps events in order, attachments and SLA config', async () => {
    const a = aTicket();
    await temp.store.tickets.create(a);
    const actor = { type: 'system' as const, userId: null, name: 'Deskside' };
    const e1 = { id: newId(1), ticketId: a.id, at: at(0).toISOString(), actor, type: 'created' as const, visibility: 'public' as const, body: null, from: null, to: 'new' };
    const e2 = { ...e1, id: newId(2), type: 'note' as const, visibility: 'internal' as const, body: 'hm' };
    await temp.store.ticketEvents.append([e2, e1]);
    expect((await temp.store.ticketEvents.listForTickets([a.id])).map((e) => e.id)).toEqual([e1.id, e2.id]);
    await temp.store.ticketAttachments.add({
      id: newId(), ticketId: a.id, kind: 'screenshot', mediaType: 'image/png', bytes: 10, width: 1, height: 2, storagePath: '2025/03/x', sha256: 'ab', createdAt: T0,
    });
    expect(await temp.store.ticketAttachments.listForTickets([a.id])).toHaveLength(1);
    const calendar = { timeZone: 'Europe/Paris', week: [null, null, null, null, null, null, null], holidays: ['2025-12-25'] };
    await temp.store.slaConfig.replace({ targets: { P1: { firstResponseMinutes: 15, resolutionMinutes: 60 } }, calendars: [{ siteId: '*', calendar }] });
    expect(await temp.store.slaConfig.get()).toEqual({ targets: { P1: { firstResponseMinutes: 15, resolutionMinutes: 60 } }, calendars: [{ siteId: '*', calendar }] });
  });
});
