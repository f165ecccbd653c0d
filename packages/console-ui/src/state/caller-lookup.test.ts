import type { DeviceSummary } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { lookUpCaller } from './caller-lookup.js';
import { makeTicket as aTicket } from './test-tickets.js';

const device = (id: string, hostname: string, assignedTo: string | null = null) => ({ id, hostname, asset: assignedTo ? { assignedTo } : undefined }) as unknown as DeviceSummary;

describe('caller lookup', () => {
  const devices = [device('d1', 'PC-ALICE-01'), device('d2', 'LAPTOP-07', 'Bob Builder')];
  const tickets = [aTicket({ requester: { name: 'Alice Adams', username: null, email: 'alice@example.com' }, deviceId: 'd1' }), aTicket({ requester: { name: 'Malice Morgan', username: null, email: null }, deviceId: null })];

  it('finds people by name, e-mail or PC, starts of words first, with their PC', () => {
    const found = lookUpCaller('ali', devices, tickets);
    expect(found.map((m) => [m.name, m.hostname])).toEqual([
      ['Alice Adams', 'PC-ALICE-01'],
      [null, 'PC-ALICE-01'],
      ['Malice Morgan', null],
    ]);
    expect(lookUpCaller('alice@ex', devices, tickets)[0]?.email).toBe('alice@example.com');
    expect(lookUpCaller('builder', devices, tickets)).toEqual([{ key: 'device:d2', name: 'Bob Builder', email: null, deviceId: 'd2', hostname: 'LAPTOP-07' }]);
  });

  it('needs two characters and treats the query as text, not a pattern', () => {
    expect(lookUpCaller('a', devices, tickets)).toEqual([]);
    expect(lookUpCaller('.*', devices, tickets)).toEqual([]);
  });
});
