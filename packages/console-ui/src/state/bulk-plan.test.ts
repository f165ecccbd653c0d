import { describe, expect, it } from 'vitest';
import { makeTicket } from './test-tickets.js';
import { planBulk } from './bulk-plan.js';

describe('planBulk', () => {
  it('says who moves from whom to whom and leaves the already-done alone', () => {
    const a = makeTicket({ number: 1, assigneeId: null });
    const b = makeTicket({ number: 2, assigneeId: 'bob', assigneeName: 'Bob' });
    const c = makeTicket({ number: 3, assigneeId: 'me', assigneeName: 'Me' });
    const plan = planBulk([a, b, c], { kind: 'assign', assigneeId: 'me', assigneeName: 'Me' });
    expect(plan.summary).toBe('Assign 2 tickets to Me (1 already assigned so, left as is).');
    expect(plan.changes.map((x) => [x.ticket.number, x.from, x.to])).toEqual([[1, 'unassigned', 'Me'], [2, 'Bob', 'Me']]);
  });
  it('merges into the chosen ticket and closes by status', () => {
    const a = makeTicket({ number: 7 });
    const b = makeTicket({ number: 8 });
    expect(planBulk([a, b], { kind: 'merge', intoId: a.id }).summary).toBe('Merge 1 ticket into #7.');
    expect(planBulk([a, b], { kind: 'status', status: 'closed' }).summary).toBe('Set 2 tickets to closed.');
  });
});
