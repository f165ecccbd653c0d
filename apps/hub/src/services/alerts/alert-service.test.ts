import { monotonicIds, newId } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import type { Actor, RaiseInput } from './alert-lifecycle.js';
import { AlertService } from './alert-service.js';
import { PolicyService } from './policy-service.js';

let temp: Awaited<ReturnType<typeof tempStore>>;
let store: Store;
let time: ReturnType<typeof fakeClock>;
let service: AlertService;
let deviceId: string;
let changed: string[];
let queued: number;
const agent: Actor = { type: 'agent', id: null, name: 'PC-1' };
const tech: Actor = { type: 'user', id: newId(), name: 'Tess Tech' };

function build(notify = true): AlertService {
  const policies = new PolicyService({ store, clock: time.clock, logger: silentLogger() });
  const s = new AlertService({ store, clock: time.clock, newId: monotonicIds(() => time.clock().getTime()), logger: silentLogger(), policies, notificationsEnabled: notify });
  s.onChange({ changed: (ids) => void changed.push(...ids), notificationsQueued: () => void queued++ });
  return s;
}

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  time = fakeClock();
  const siteId = newId();
  await store.sites.create({ id: siteId, name: 'Main', createdAt: time.clock() });
  deviceId = newId();
  await store.devices.create({ id: deviceId, siteId, machineId: 'm', hostname: 'PC-1', keyHash: 'a'.repeat(64), enrolledAt: time.clock() });
  changed = [];
  queued = 0;
  service = build();
});
afterEach(() => temp.cleanup());

const raise = (over: Partial<RaiseInput> = {}) =>
  service.raise({ deviceId, check: 'disk-free', subject: 'C:', source: 'agent', severity: 'warning', message: 'C: 8% free', value: 8, threshold: 10, actor: agent, ...over });
const clear = () => service.clear({ deviceId, check: 'disk-free', subject: 'C:', actor: agent });
const all = () => store.alerts.list({ deviceId });

describe('alert service', () => {
  it('keeps one open alert per key: a second raise updates it', async () => {
    const first = await raise();
    const second = await raise({ severity: 'critical', message: 'C: 4% free', value: 4 });
    expect(second.alertId).toBe(first.alertId);
    const [only, ...rest] = await all();
    expect(rest).toHaveLength(0);
    expect(only).toMatchObject({ state: 'open', severity: 'critical', value: 4 });
    expect((await store.alerts.events(first.alertId!)).map((e) => e.action)).toEqual(['raised', 'updated']);
    expect(changed).toEqual([first.alertId, first.alertId]);
  });

  it('an identical raise changes nothing and records nothing', async () => {
    const first = await raise();
    const again = await raise();
    expect(again.changed).toBe(false);
    expect(await store.alerts.events(first.alertId!)).toHaveLength(1);
  });

  it('lifecycle: acknowledge, snooze (back to open when it ends, still active), resolve', async () => {
    const { alertId } = await raise();
    const id = alertId!;
    expect((await service.acknowledge(id, tech)).state).toBe('acknowledged');
    const until = new Date(time.clock().getTime() + 3600_000);
    expect((await service.snooze(id, until, tech)).snoozedUntil).toBe(until.toISOString());
    time.advance(3600_000 - 1);
    await service.tick();
    expect((await store.alerts.findById(id))?.state).toBe('snoozed');
    time.advance(1);
    await service.tick();
    expect((await store.alerts.findById(id))?.state).toBe('open');
    const resolved = await service.resolve(id, 'freed space', tech);
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: 'Tess Tech' });
    const actions = (await store.alerts.events(id)).map((e) => `${e.action}:${e.actorType}`);
    expect(actions).toEqual(['raised:agent', 'acknowledged:user', 'snoozed:user', 'reopened:hub', 'resolved:user']);
    await expect(service.acknowledge(id, tech)).rejects.toThrow(/already resolved/);
    await expect(service.snooze(id, new Date(time.clock().getTime() - 1), tech)).rejects.toThrow();
  });

  it('a snoozed alert whose condition cleared stays resolved when the snooze ends', async () => {
    const { alertId } = await raise();
    await service.snooze(alertId!, new Date(time.clock().getTime() + 60_000), tech);
    await clear();
    time.advance(120_000);
    await service.tick();
    expect((await store.alerts.findById(alertId!))?.state).toBe('resolved');
  });

  it('the agent clearing the condition resolves the alert; a later raise opens a new one', async () => {
    const first = await raise();
    await clear();
    expect((await store.alerts.findById(first.alertId!))).toMatchObject({ state: 'resolved', resolvedBy: null });
    time.advance(2 * 3600_000);
    const second = await raise();
    expect(second.alertId).not.toBe(first.alertId);
    expect(second.created).toBe(true);
  });

  it('flapping: five raise/clear transitions within an hour keep ONE alert open, flagged, not re-notified', async () => {
    const first = await raise({ severity: 'critical' });
    expect(queued).toBe(1);
    for (let i = 0; i < 6; i++) {
      time.advance(60_000);
      await clear();
      time.advance(60_000);
      await raise({ severity: 'critical' });
    }
    const list = await all();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: first.alertId, flapping: true, state: 'open' });
    expect(list[0]!.occurrences).toBeGreaterThanOrEqual(6);
    expect(queued).toBe(1);
    expect(await store.notifications.due(new Date(time.clock().getTime() + 1e9), 100)).toHaveLength(1);
    // Clear and stay clear for an hour: the hub resolves it and the flag goes.
    time.advance(60_000);
    await clear();
    expect((await store.alerts.findById(first.alertId!))?.state).toBe('open');
    time.advance(3600_000);
    await service.tick();
    expect(await store.alerts.findById(first.alertId!)).toMatchObject({ state: 'resolved', flapping: false });
  });

  it('maintenance: alerts raised during it are stored snoozed and not notified; they open when it ends', async () => {
    const until = new Date(time.clock().getTime() + 30 * 60_000);
    await service.setMaintenance(deviceId, until, tech);
    const { alertId } = await raise({ severity: 'critical' });
    expect(await store.alerts.findById(alertId!)).toMatchObject({ state: 'snoozed', notified: false });
    expect(queued).toBe(0);
    expect(await service.unresolved()).toHaveLength(1);
    expect((await service.list({ states: ['open'] })).length).toBe(0);
    // Ending maintenance early brings it back at once, and now it is notified.
    await service.setMaintenance(deviceId, null, tech);
    expect(await store.alerts.findById(alertId!)).toMatchObject({ state: 'open', notified: true });
    expect(queued).toBe(1);
  });

  it('queues a notification for critical alerts only, once, and none when no webhook is set', async () => {
    await raise({ subject: 'D:', severity: 'warning' });
    expect(queued).toBe(0);
    await raise({ subject: 'D:', severity: 'critical' });
    await raise({ subject: 'D:', severity: 'warning' });
    await raise({ subject: 'D:', severity: 'critical' });
    expect(queued).toBe(1);
    service = build(false);
    await raise({ subject: 'E:', severity: 'critical' });
    expect(queued).toBe(1);
  });
});
