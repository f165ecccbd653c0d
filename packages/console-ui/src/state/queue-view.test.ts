import { describe, expect, it } from 'vitest';
import { makeTicket } from './test-tickets.js';
import { BUILT_IN_VIEWS, decodeView, encodeView, loadViews, matchesText, saveViews, sortQueue } from './queue-view.js';

describe('queue views', () => {
  it('matches every word against number, subject, requester and device', () => {
    const t = makeTicket({ number: 1042, subject: 'VPN drops hourly', requester: { name: 'Julie Dupont', username: 'jd', email: null }, hostname: 'PAR-LT-014' });
    expect(matchesText(t, '#1042')).toBe(true);
    expect(matchesText(t, 'vpn julie')).toBe(true);
    expect(matchesText(t, 'par-lt')).toBe(true);
    expect(matchesText(t, 'vpn printer')).toBe(false);
  });

  it('sorts by a column both ways, numbers by value', () => {
    const a = makeTicket({ number: 9 });
    const b = makeTicket({ number: 10 });
    expect(sortQueue([b, a], { column: '#', direction: 'asc' }).map((t) => t.number)).toEqual([9, 10]);
    expect(sortQueue([a, b], { column: '#', direction: 'desc' }).map((t) => t.number)).toEqual([10, 9]);
  });

  it('round-trips a view through a share link and storage, and refuses a forged one', () => {
    const view = { ...BUILT_IN_VIEWS[1]!, id: 'v1', name: 'Mes tickets é', text: 'vpn', sort: { column: 'Updated', direction: 'desc' as const } };
    expect(decodeView(encodeView(view))).toEqual(view);
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveViews(storage, 'u1', [view]);
    expect(loadViews(storage, 'u1')).toEqual([view]);
    expect(loadViews(storage, 'u2')).toEqual([]);
    expect(decodeView(btoa(JSON.stringify({ ...view, filter: { assignee: 'everyone' } })))).toBeNull();
    expect(decodeView('%%%')).toBeNull();
  });
});
