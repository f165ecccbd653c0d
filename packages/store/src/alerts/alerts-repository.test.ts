import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import { anAlert as aStoredAlert } from '../test-support/period-records.js';
import type { AlertRow } from './alert-types.js';

let temp: TempStore;
let deviceId: string;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
  const device = aDevice(site.id, { hostname: 'PC-ALERT', machineId: 'm-1' });
  deviceId = device.id;
  await temp.store.devices.create(device);
});
afterEach(() => temp.cleanup());

/** An open disk alert of the test's device on C:. */
const anAlert = (overrides: Partial<AlertRow> = {}): AlertRow => aStoredAlert(deviceId, { subject: 'C:', message: 'C: has 4% free', ...overrides });

describe('alerts repository', () => {
  it('round-trips an alert with its device hostname and site', async () => {
    const a = anAlert();
    await temp.store.alerts.insert(a);
    expect(await temp.store.alerts.findById(a.id)).toEqual({ ...a, hostname: 'PC-ALERT', siteId });
  });

  it('refuses a second unresolved alert for the same key, allows one after resolution', async () => {
    const first = anAlert();
    await temp.store.alerts.insert(first);
    await expect(temp.store.alerts.insert(anAlert())).rejects.toThrow(/unique/i);
    await temp.store.alerts.update(first.id, { state: 'resolved', resolvedAt: at(1000) });
    const second = anAlert({ raisedAt: at(2000) });
    await temp.store.alerts.insert(second);
    expect((await temp.store.alerts.latestByKey(deviceId, 'disk-free', 'C:'))?.id).toBe(second.id);
  });

  it('lists by state, severity, device and site', async () => {
    await temp.store.alerts.insert(anAlert({ subject: 'C:', severity: 'critical' }));
    await temp.store.alerts.insert(anAlert({ subject: 'D:', state: 'acknowledged' }));
    expect(await temp.store.alerts.list({ states: ['open'] })).toHaveLength(1);
    expect(await temp.store.alerts.list({ severity: 'critical' })).toHaveLength(1);
    expect(await temp.store.alerts.list({ deviceId })).toHaveLength(2);
    expect(await temp.store.alerts.list({ siteIds: [newId()] })).toHaveLength(0);
    expect(await temp.store.alerts.list({ siteIds: [siteId] })).toHaveLength(2);
  });

  it('finds ended snoozes and counts events in a window', async () => {
    const a = anAlert({ state: 'snoozed', snoozedUntil: at(60_000) });
    await temp.store.alerts.insert(a);
    expect(await temp.store.alerts.snoozeEnded(at(59_999))).toHaveLength(0);
    expect(await temp.store.alerts.snoozeEnded(at(60_000))).toHaveLength(1);
    for (const [i, action] of (['raised', 'cleared', 'reopened', 'acknowledged'] as const).entries()) {
      await temp.store.alerts.appendEvent({ id: newId(), alertId: a.id, at: at(i * 1000), actorType: 'agent', actorId: null, actorName: 'PC', action, details: null });
    }
    expect(await temp.store.alerts.countEvents(a.id, ['raised', 'cleared', 'reopened'], at(1000))).toBe(2);
    expect((await temp.store.alerts.events(a.id)).map((e) => e.action)).toEqual(['raised', 'cleared', 'reopened', 'acknowledged']);
  });
});

describe('notification outbox', () => {
  it('queues once per id, hands out due rows, records failures and deliveries', async () => {
    const n = { id: newId(), alertId: null, payload: { text: 'hello' }, createdAt: T0 };
    await temp.store.notifications.enqueue(n);
    await temp.store.notifications.enqueue({ ...n, payload: { text: 'again' } });
    const due = await temp.store.notifications.due(T0, 10);
    expect(due).toHaveLength(1);
    expect(due[0]?.payload).toEqual({ text: 'hello' });
    await temp.store.notifications.markAttemptFailed(n.id, 1, at(2000), 'HTTP 500', false, T0);
    expect(await temp.store.notifications.due(at(1000), 10)).toHaveLength(0);
    expect(await temp.store.notifications.nextDue()).toEqual(at(2000));
    await temp.store.notifications.markSent([n.id], at(2000));
    expect(await temp.store.notifications.due(at(5000), 10)).toHaveLength(0);
    expect(await temp.store.notifications.nextDue()).toBeUndefined();
  });
});

describe('health policies and device health', () => {
  it('stores policies per scope and a maintenance window per device', async () => {
    await temp.store.healthPolicies.put({ scope: 'global', policy: { a: 1 }, updatedAt: T0, updatedBy: 'admin' });
    await temp.store.healthPolicies.put({ scope: 'global', policy: { a: 2 }, updatedAt: at(1), updatedBy: 'admin' });
    expect((await temp.store.healthPolicies.get('global'))?.policy).toEqual({ a: 2 });
    expect(await temp.store.deviceHealth.maintenanceUntil(deviceId)).toBeNull();
    await temp.store.deviceHealth.setMaintenance(deviceId, at(3600_000));
    expect(await temp.store.deviceHealth.maintenanceUntil(deviceId)).toEqual(at(3600_000));
    expect(await temp.store.deviceHealth.withMachineId('m-1')).toEqual([{ id: deviceId, hostname: 'PC-ALERT' }]);
  });
});
