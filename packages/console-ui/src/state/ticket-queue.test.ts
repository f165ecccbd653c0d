import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_FILTER, filterToQuery, queueCounts, ticketQueue } from './ticket-queue.js';
import { makeTicket } from './test-tickets.js';

const ME = '01JU0000000000000000000001';
const OTHER = '01JU0000000000000000000002';
const sla = (due: string | null, state: 'ok' | 'breaching-soon' | 'breached' | 'paused' | 'met' = 'ok') => ({ firstResponseDueAt: due, resolutionDueAt: null, state });

describe('ticketQueue', () => {
  it('sorts by priority, then SLA due time (none last), then age', () => {
    const p3late = makeTicket({ priority: 'P3', sla: sla('2026-03-10T18:00:00.000Z') });
    const p3soon = makeTicket({ priority: 'P3', sla: sla('2026-03-10T13:00:00.000Z') });
    const p1 = makeTicket({ priority: 'P1', sla: sla('2026-03-11T13:00:00.000Z') });
    const p3none = makeTicket({ priority: 'P3', sla: sla(null) });
    const p3older = makeTicket({ priority: 'P3', sla: sla(null), createdAt: '2026-03-09T12:00:00.000Z' });
    const order = ticketQueue([p3late, p3none, p3soon, p1, p3older], DEFAULT_TICKET_FILTER, ME).map((t) => t.id);
    expect(order).toEqual([p1.id, p3soon.id, p3late.id, p3older.id, p3none.id]);
  });

  it('uses the resolution due time once the ticket has had its first response', () => {
    const answered = makeTicket({ firstResponseAt: '2026-03-10T12:10:00.000Z', sla: { firstResponseDueAt: '2026-03-10T12:30:00.000Z', resolutionDueAt: '2026-03-12T12:00:00.000Z', state: 'ok' } });
    const waiting = makeTicket({ sla: sla('2026-03-11T12:00:00.000Z') });
    expect(ticketQueue([answered, waiting], DEFAULT_TICKET_FILTER, ME).map((t) => t.id)).toEqual([waiting.id, answered.id]);
  });

  it('filters mine, unassigned, status, tier, category and device; hides closed and merged by default', () => {
    const mine = makeTicket({ assigneeId: ME, status: 'open' });
    const theirs = makeTicket({ assigneeId: OTHER, tier: 2, category: 'network' });
    const nobody = makeTicket({ deviceId: '01J00000000000000000000009' });
    const closed = makeTicket({ status: 'closed' });
    const merged = makeTicket({ status: 'closed', mergedIntoId: mine.id });
    const all = [mine, theirs, nobody, closed, merged];
    const ids = (f: Partial<typeof DEFAULT_TICKET_FILTER>) => ticketQueue(all, { ...DEFAULT_TICKET_FILTER, ...f }, ME).map((t) => t.id).sort();
    expect(ids({})).toEqual([mine.id, theirs.id, nobody.id].sort());
    expect(ids({ assignee: 'me' })).toEqual([mine.id]);
    expect(ids({ assignee: 'none' })).toEqual([nobody.id]);
    expect(ids({ status: 'open' })).toEqual([mine.id]);
    expect(ids({ status: 'closed' })).toEqual([closed.id]);
    expect(ids({ tier: 2 })).toEqual([theirs.id]);
    expect(ids({ category: 'network' })).toEqual([theirs.id]);
    expect(ids({ deviceId: '01J00000000000000000000009' })).toEqual([nobody.id]);
  });
});

describe('filterToQuery', () => {
  it('sends only what is set', () => {
    expect(filterToQuery(DEFAULT_TICKET_FILTER)).toEqual({});
    expect(filterToQuery({ assignee: 'none', status: 'closed', tier: 3, category: 'email', deviceId: 'd1' })).toEqual({
      assignee: 'none',
      status: 'closed',
      tier: 3,
      category: 'email',
      deviceId: 'd1',
    });
  });
});

describe('queueCounts', () => {
  it('counts breached (live), breaching soon and unassigned', () => {
    const now = Date.parse('2026-03-10T14:00:00.000Z');
    const overdue = makeTicket({ sla: sla('2026-03-10T13:00:00.000Z', 'ok') });
    const soon = makeTicket({ assigneeId: ME, sla: sla('2026-03-10T14:20:00.000Z', 'breaching-soon') });
    const fine = makeTicket({ assigneeId: ME, sla: sla('2026-03-11T14:00:00.000Z') });
    expect(queueCounts([overdue, soon, fine], now)).toEqual({ total: 3, breached: 1, soon: 1, unassigned: 1 });
  });
});
