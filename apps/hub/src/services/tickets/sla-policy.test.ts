import { monotonic, newId, type Priority } from '@deskside/protocol';
import type { TicketRecord } from '@deskside/store';
import { describe, expect, it } from 'vitest';
import { networkOf } from './incidents.js';
import { compareForQueue, ticketPriority } from './priority.js';
import { CompiledSla, DEFAULT_SLA_TARGETS, officeHours } from './sla-policy.js';

const T0 = new Date('2025-03-04T09:00:00.000Z'); // a Tuesday
const MIN = 60_000;

function ticket(priority: Priority, overrides: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id: newId(), number: 1, subject: 's', description: 'd', category: 'other', impact: 'low', urgency: 'low', priority, status: 'new', tier: 1,
    assigneeId: null, requester: { name: 'A', username: null, email: null }, deviceId: null, siteId: 'site', network: null, source: 'agent', channel: 'tray',
    createdAt: T0, updatedAt: T0, firstResponseAt: null, resolvedAt: null, closedAt: null, slaPauses: [], firstResponseBreachedAt: null,
    resolutionBreachedAt: null, timeSpentMinutes: 0, mergedIntoId: null, incidentId: null, linkedAlertIds: [], hasDiagnostics: false,
    ...overrides,
  };
}

const sla = new CompiledSla({ targets: { ...DEFAULT_SLA_TARGETS }, autoCloseDays: 7, calendars: [{ siteId: 'paris', calendar: officeHours('Europe/Paris') }], defaultCalendar: officeHours('UTC') });

describe('SLA policy', () => {
  it.each([
    ['high', 'high', 'P1', '2025-03-04T09:30:00.000Z', '2025-03-04T13:00:00.000Z'],
    ['medium', 'high', 'P2', '2025-03-04T10:00:00.000Z', '2025-03-04T17:00:00.000Z'],
    // P3: 4 h / 3 business days (30 h of 08–18).
    ['low', 'high', 'P3', '2025-03-04T13:00:00.000Z', '2025-03-07T09:00:00.000Z'],
    // P4: 1 / 5 business days: Wed 09:00; the next Tuesday 09:00 (across the weekend).
    ['low', 'low', 'P4', '2025-03-05T09:00:00.000Z', '2025-03-11T09:00:00.000Z'],
  ] as const)('impact %s × urgency %s → %s with due times %s / %s', (impact, urgency, priority, fr, res) => {
    expect(ticketPriority(impact, urgency)).toBe(priority);
    const view = sla.view(ticket(priority), T0.getTime());
    expect([new Date(view.firstResponseDueAt ?? 0).toISOString(), new Date(view.resolutionDueAt ?? 0).toISOString()]).toEqual([fr, res]);
  });

  it('uses the site calendar when the site has one', () => {
    // 09:00Z is 10:00 in Paris; P1 first response 30 min later.
    expect(sla.view(ticket('P1', { siteId: 'paris' }), T0.getTime()).firstResponseDueAt).toBe(Date.parse('2025-03-04T09:30:00.000Z'));
  });

  it('is ok, then breaching soon with under 20 % left, then breached', () => {
    const t = ticket('P2'); // first response due 10:00 (60 min)
    expect(sla.view(t, T0.getTime() + 47 * MIN).state).toBe('ok');
    expect(sla.view(t, T0.getTime() + 49 * MIN).state).toBe('breaching-soon');
    expect(sla.view(t, T0.getTime() + 61 * MIN)).toMatchObject({ state: 'breached', firstResponseBreached: true, resolutionBreached: false });
  });

  it('is met when resolved in time, paused while pending, breached once recorded', () => {
    expect(sla.view(ticket('P2', { status: 'resolved', firstResponseAt: T0, resolvedAt: new Date(T0.getTime() + MIN) }), T0.getTime() + 100 * 60 * MIN).state).toBe('met');
    expect(sla.view(ticket('P2', { status: 'pending', firstResponseAt: T0, slaPauses: [{ from: T0, to: null }] }), T0.getTime() + 100 * 60 * MIN).state).toBe('paused');
    expect(sla.view(ticket('P2', { status: 'resolved', resolvedAt: T0, firstResponseBreachedAt: T0 }), T0.getTime()).state).toBe('breached');
  });

  it('orders the queue by priority, then due time, unknown due times last', () => {
    const a = { priority: 'P2' as const, dueAt: 5, createdAt: 0 };
    const b = { priority: 'P2' as const, dueAt: null, createdAt: 0 };
    const c = { priority: 'P1' as const, dueAt: 99, createdAt: 0 };
    expect([a, b, c].sort(compareForQueue)).toEqual([c, a, b]);
  });
});

describe('helpers', () => {
  it.each([
    ['192.168.1.37', '192.168.1.0/24'],
    ['10.0.0.1', '10.0.0.0/24'],
    ['300.1.1.1', null],
    ['fe80::1', null],
    [null, null],
  ])('networkOf(%s) = %s', (ip, net) => {
    expect(networkOf(ip)).toBe(net);
  });

  it('makes ids strictly increasing within one millisecond', () => {
    const next = monotonic(() => newId(1_700_000_000_000));
    const ids = Array.from({ length: 200 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(200);
  });
});
