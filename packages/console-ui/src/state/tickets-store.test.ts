import { describe, expect, it } from 'vitest';
import { initialTicketsState, ticketsReducer } from './tickets-store.js';
import { makeTicket } from './test-tickets.js';

describe('ticketsReducer', () => {
  it('replaces everything on a snapshot', () => {
    const a = makeTicket();
    const b = makeTicket();
    const first = ticketsReducer(initialTicketsState, { type: 'snapshot', tickets: [a, b] });
    expect(first.loaded).toBe(true);
    expect([...first.byId.keys()]).toEqual([a.id, b.id]);
    const second = ticketsReducer(first, { type: 'snapshot', tickets: [b] });
    expect([...second.byId.keys()]).toEqual([b.id]);
    expect(first.byId.size).toBe(2);
  });

  it('inserts and replaces on upsert, never going back to an older version', () => {
    const t = makeTicket({ updatedAt: '2026-03-10T12:05:00.000Z' });
    const s1 = ticketsReducer(initialTicketsState, { type: 'snapshot', tickets: [t] });
    const newer = { ...t, status: 'open' as const, updatedAt: '2026-03-10T12:06:00.000Z' };
    const s2 = ticketsReducer(s1, { type: 'upsert', tickets: [newer] });
    expect(s2.byId.get(t.id)?.status).toBe('open');
    const stale = { ...t, status: 'pending' as const, updatedAt: '2026-03-10T12:05:30.000Z' };
    const s3 = ticketsReducer(s2, { type: 'upsert', tickets: [stale] });
    expect(s3).toBe(s2);
    const added = makeTicket();
    const s4 = ticketsReducer(s3, { type: 'upsert', tickets: [added] });
    expect(s4.byId.size).toBe(2);
    expect(s3.byId.size).toBe(1);
  });

  it('keeps a closed ticket it is told about (a page may show it) and resets', () => {
    const t = makeTicket();
    const s1 = ticketsReducer(initialTicketsState, { type: 'snapshot', tickets: [t] });
    const closed = { ...t, status: 'closed' as const, updatedAt: '2026-03-10T13:00:00.000Z' };
    expect(ticketsReducer(s1, { type: 'upsert', tickets: [closed] }).byId.get(t.id)?.status).toBe('closed');
    expect(ticketsReducer(s1, { type: 'reset' })).toBe(initialTicketsState);
    expect(ticketsReducer(s1, { type: 'upsert', tickets: [] })).toBe(s1);
  });
});
