import { describe, expect, it } from 'vitest';
import { loadTicketFilter, parseTicketFilter, saveTicketFilter } from './ticket-filter-storage.js';
import { DEFAULT_TICKET_FILTER } from './ticket-queue.js';

function memory() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('ticket filter storage', () => {
  it('round-trips a filter', () => {
    const s = memory();
    const filter = { assignee: 'me' as const, status: 'pending' as const, tier: 2 as const, category: 'email' as const, deviceId: '01J00000000000000000000001' };
    saveTicketFilter(s, filter);
    expect(loadTicketFilter(s)).toEqual(filter);
  });

  it('falls back field by field on anything unexpected', () => {
    expect(parseTicketFilter({ assignee: 'everyone', status: 'gone', tier: 7, category: '<b>', deviceId: 'x y' })).toEqual(DEFAULT_TICKET_FILTER);
    expect(parseTicketFilter('nope')).toEqual(DEFAULT_TICKET_FILTER);
    const s = memory();
    s.map.set('deskside.ticketFilter', '{not json');
    expect(loadTicketFilter(s)).toEqual(DEFAULT_TICKET_FILTER);
  });
});
