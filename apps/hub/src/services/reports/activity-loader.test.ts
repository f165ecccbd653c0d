import { newId, type TicketEvent } from '@deskside/protocol';
import type { AlertRow, NewTicket, Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp.js';
import { loadActivityInput, type ActivityLoadOptions } from './activity-loader.js';
import { computeActivityReport } from './activity-report.js';
import { reportPeriod } from './report-period.js';

// The loader over a real store: March 2026 (UTC), generated mid-April. What it selects, from
// which sites, and when it says it stopped short.
const iso = (s: string) => new Date(s);
const march = reportPeriod('2026-03-01', '2026-03-31', 'UTC');
const NOW = iso('2026-04-15T00:00:00Z');

let temp: Awaited<ReturnType<typeof tempStore>>;
let store: Store;
const ids: Record<string, string> = {};
const sites = { main: newId(), branch: newId() };
const devices = { main: newId(), branch: newId(), ticketOnly: newId() };

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  await store.sites.create({ id: sites.main, name: 'Main', createdAt: iso('2024-01-01T00:00:00Z') });
  await store.sites.create({ id: sites.branch, name: 'Branch', createdAt: iso('2024-01-01T00:00:00Z') });
  for (const [key, hostname, siteId] of [['main', 'PC-MAIN', sites.main], ['branch', 'PC-BRANCH', sites.branch], ['ticketOnly', 'PC-TICKETS', sites.main]] as const) {
    await store.devices.create({ id: devices[key], siteId, machineId: newId(), hostname, keyHash: 'a'.repeat(64), enrolledAt: iso('2024-01-01T00:00:00Z') });
  }
  await ticket('opened', { createdAt: iso('2026-03-05T09:00:00Z'), deviceId: devices.ticketOnly }, { at: '2026-03-06T09:00:00Z', to: 'resolved' });
  await ticket('openSince2024', { createdAt: iso('2024-06-01T09:00:00Z'), deviceId: devices.main });
  await ticket('closedBefore', { createdAt: iso('2026-01-01T09:00:00Z'), status: 'closed', closedAt: iso('2026-02-01T09:00:00Z') }, { at: '2026-01-02T09:00:00Z', to: 'resolved' });
  await ticket('branch', { createdAt: iso('2026-03-10T09:00:00Z'), siteId: sites.branch, deviceId: devices.branch });
  await ticket('after', { createdAt: iso('2026-04-02T09:00:00Z') });
  // Raised in 2024, never resolved nor touched since, came back in March: one occurrence.
  await alert('since2024', devices.main, { raisedAt: iso('2024-05-01T08:00:00Z'), updatedAt: iso('2024-05-01T08:00:00Z') }, ['2026-03-12T08:00:00Z', 'reopened']);
  await alert('branchAlert', devices.branch, { raisedAt: iso('2026-03-15T08:00:00Z'), state: 'resolved', resolvedAt: iso('2026-03-16T08:00:00Z') }, ['2026-03-16T08:00:00Z', 'cleared']);
  await alert('resolvedBefore', devices.main, { raisedAt: iso('2025-01-01T08:00:00Z'), state: 'resolved', resolvedAt: iso('2025-01-02T08:00:00Z') });
});
afterEach(() => temp.cleanup());

async function ticket(name: string, overrides: Partial<NewTicket>, change?: { at: string; to: string }): Promise<void> {
  const id = newId();
  ids[name] = id;
  const createdAt = overrides.createdAt ?? NOW;
  await store.tickets.create({
    id, subject: name, description: '', category: 'printer', impact: 'low', urgency: 'low', priority: 'P4', status: 'new', tier: 1, assigneeId: null,
    requester: { name: 'Employee', username: null, email: null }, deviceId: null, siteId: sites.main, network: null, source: 'agent', channel: 'tray', createdAt, updatedAt: createdAt,
    firstResponseAt: null, resolvedAt: null, closedAt: null, slaPauses: [], firstResponseBreachedAt: null, resolutionBreachedAt: null, timeSpentMinutes: 0,
    mergedIntoId: null, incidentId: null, linkedAlertIds: [], diagnostics: null, ...overrides,
  });
  const events: TicketEvent[] = [{ id: newId(), ticketId: id, at: createdAt.toISOString(), actor: { type: 'employee', userId: null, name: 'Employee' }, type: 'created', visibility: 'public', body: null, from: null, to: 'new' }];
  if (change) events.push({ id: newId(), ticketId: id, at: change.at, actor: { type: 'technician', userId: newId(), name: 'Tech' }, type: 'status-changed', visibility: 'public', body: null, from: 'new', to: change.to });
  await store.ticketEvents.append(events);
}

async function alert(name: string, deviceId: string, overrides: Partial<AlertRow>, later?: [string, 'reopened' | 'cleared']): Promise<void> {
  const id = newId();
  ids[name] = id;
  const raisedAt = overrides.raisedAt ?? NOW;
  await store.alerts.insert({
    id, deviceId, check: `check-${name}`, subject: name, source: 'agent', severity: 'warning', state: 'open', message: name, value: null, threshold: null, raisedAt,
    updatedAt: overrides.resolvedAt ?? raisedAt, clearedAt: null, acknowledgedAt: null, acknowledgedBy: null, snoozedUntil: null, resolvedAt: null, resolvedBy: null,
    flapping: false, occurrences: 1, ticketId: null, notified: false, ...overrides,
  });
  const event = (at: Date, action: 'raised' | 'reopened' | 'cleared') => store.alerts.appendEvent({ id: newId(), alertId: id, at, actorType: 'agent', actorId: deviceId, actorName: name, action, details: null });
  await event(raisedAt, 'raised');
  if (later) await event(iso(later[0]), later[1]);
}

const load = (more: Partial<ActivityLoadOptions> = {}) => loadActivityInput(store, { period: march, now: NOW, siteIds: undefined, sla: null, ...more });
const named = (list: ReadonlyArray<{ id: string }>) => list.map((x) => Object.keys(ids).find((k) => ids[k] === x.id));

describe('loadActivityInput', () => {
  it('reads the tickets and alerts that can matter to the period, with their history and device names', async () => {
    const input = await load();
    expect(named(input.tickets)).toEqual(['branch', 'opened', 'openSince2024']);
    expect(named(input.alerts)).toEqual(['branchAlert', 'since2024']);
    expect(new Set(input.ticketEvents.map((e) => e.ticketId))).toEqual(new Set([ids['branch'], ids['opened'], ids['openSince2024']]));
    expect(input.alertEvents.map((e) => [named([{ id: e.alertId }])[0], e.action])).toEqual([
      ['since2024', 'raised'],
      ['since2024', 'reopened'],
      ['branchAlert', 'raised'],
      ['branchAlert', 'cleared'],
    ]);
    expect(input.hostnames).toEqual(new Map([[devices.branch, 'PC-BRANCH'], [devices.main, 'PC-MAIN'], [devices.ticketOnly, 'PC-TICKETS']]));
    expect(input.truncated).toBe(false);

    const report = computeActivityReport(input);
    expect(report.summary).toMatchObject({ opened: 2, resolved: 1, backlogAtStart: 1, backlogAtEnd: 2 });
    expect(report.recurring.checks).toEqual([
      { check: 'check-branchAlert', devices: 1, occurrences: 1 },
      { check: 'check-since2024', devices: 1, occurrences: 1 },
    ]);
  });

  it('keeps to the viewer sites', async () => {
    const input = await load({ siteIds: [sites.main] });
    expect(named(input.tickets)).toEqual(['opened', 'openSince2024']);
    expect(named(input.alerts)).toEqual(['since2024']);
    expect(input.alertEvents.every((e) => e.alertId === ids['since2024'])).toBe(true);
    expect([...input.hostnames.values()].sort()).toEqual(['PC-MAIN', 'PC-TICKETS']);
  });

  it('says truncated only past a limit, keeping the newest', async () => {
    expect((await load({ limits: { tickets: 3, alerts: 2 } })).truncated).toBe(false);
    const fewerTickets = await load({ limits: { tickets: 2, alerts: 2 } });
    expect(fewerTickets.truncated).toBe(true);
    expect(named(fewerTickets.tickets)).toEqual(['branch', 'opened']);
    const fewerAlerts = await load({ limits: { tickets: 3, alerts: 1 } });
    expect(fewerAlerts.truncated).toBe(true);
    expect(named(fewerAlerts.alerts)).toEqual(['branchAlert']);
    expect(fewerAlerts.alertEvents.every((e) => e.alertId === ids['branchAlert'])).toBe(true);
    expect(computeActivityReport(fewerAlerts).truncated).toBe(true);
  });
});
