import { describe, expect, it } from 'vitest';
import { makeTicket as aTicket } from './test-tickets.js';
import { ticketFigures } from './ticket-figures.js';

describe('ticketFigures', () => {
  it('counts open tickets by owner, SLA and priority, leaving resolved and merged ones out', () => {
    const tickets = [
      aTicket({ id: '01J0000000000000000000000A', assigneeId: null, priority: 'P1', sla: { firstResponseDueAt: null, resolutionDueAt: null, state: 'breached' } }),
      aTicket({ id: '01J0000000000000000000000B', assigneeId: 'me', priority: 'P3', status: 'pending' }),
      aTicket({ id: '01J0000000000000000000000C', assigneeId: 'other', priority: 'P3', sla: { firstResponseDueAt: null, resolutionDueAt: null, state: 'breaching-soon' } }),
      aTicket({ id: '01J0000000000000000000000D', status: 'resolved' }),
      aTicket({ id: '01J0000000000000000000000E', mergedIntoId: '01J0000000000000000000000A' }),
    ];
    expect(ticketFigures(tickets, 'me')).toEqual({ open: 3, unassigned: 1, mine: 1, breached: 1, breachingSoon: 1, pending: 1, byPriority: { P1: 1, P2: 0, P3: 2, P4: 0 } });
  });
});
