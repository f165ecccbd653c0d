import { monotonicIds, newId } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { createTicketDesk } from '../tickets/create-ticket-desk.js';
import type { Actor, RaiseInput } from './alert-lifecycle.js';
import { AlertService } from './alert-service.js';
import { DEFAULT_HUB_HEALTH_POLICY } from './health-policy.js';
import { PolicyService } from './policy-service.js';

// The alert service with the real ticket desk behind its hook, as the hub composes them.
let temp: Awaited<ReturnType<typeof tempStore>>;
let store: Store;
let time: ReturnType<typeof fakeClock>;
let service: AlertService;
let deviceId: string;
let changed: string[];
const agent: Actor = { type: 'agent', id: null, name: 'PC-1' };
const tech: Actor = { type: 'user', id: newId(), name: 'Tess Tech' };

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  time = fakeClock();
  const siteId = newId();
  await store.sites.create({ id: siteId, name: 'Main', createdAt: time.clock() });
  deviceId = newId();
  await store.devices.create({ id: deviceId, siteId, machineId: 'm', hostname: 'PC-1', keyHash: 'a'.repeat(64), enrolledAt: time.clock() });
  const policies = new PolicyService({ store, clock: time.clock, logger: silentLogger() });
  await policies.setGlobal({ ...DEFAULT_HUB_HEALTH_POLICY, autoTicketChecks: ['disk-free'] }, 'admin');
  const ids = monotonicIds(() => time.clock().getTime());
  const notifier = { ticketsChanged: () => undefined, employeeTicketChanged: () => undefined };
  const desk = await createTicketDesk({ store, clock: time.clock, logger: silentLogger(), newId: ids, dataDir: temp.dir, notifier, defaultTimeZone: 'UTC' }, (hook) => ({
    alerts: new AlertService({ store, clock: time.clock, newId: ids, logger: silentLogger(), policies, notificationsEnabled: false, tickets: hook }),
  }));
  service = desk.alerting.alerts;
  changed = [];
  service.onChange({ changed: (ids) => void changed.push(...ids), notificationsQueued: () => undefined });
});
afterEach(async () => {
  await service.settled();
  await temp.cleanup();
});

const raise = async (over: Partial<RaiseInput> = {}) => {
  const out = await service.raise({ deviceId, check: 'disk-free', subject: 'C:', source: 'agent', severity: 'critical', message: 'C: 3% free', value: 3, threshold: 10, actor: agent, ...over });
  return out.alertId ?? '';
};
const tickets = () => store.tickets.list({ deviceId });
const actions = async (alertId: string) => (await store.alerts.events(alertId)).map((e) => e.action);

describe('automatic tickets', () => {
  it('a critical alert of a listed check gets one ticket, linked both ways; updates open no other', async () => {
    const id = await raise();
    await service.settled();
    const [ticket, ...more] = await tickets();
    expect(more).toHaveLength(0);
    expect(ticket).toMatchObject({ subject: 'Alert: C: 3% free', deviceId, linkedAlertIds: [id] });
    expect((await store.alerts.findById(id))?.ticketId).toBe(ticket?.id);
    expect(await actions(id)).toEqual(['raised', 'ticket-linked']);
    expect(changed.filter((c) => c === id)).toHaveLength(2);

    await raise({ message: 'C: 2% free', value: 2 });
    await service.settled();
    expect(await tickets()).toHaveLength(1);
  });

  it('warnings and checks the policy does not list get none', async () => {
    await raise({ severity: 'warning' });
    await raise({ check: 'memory-pressure', subject: '' });
    await service.settled();
    expect(await tickets()).toHaveLength(0);
  });

  it('a warning escalating to critical gets its ticket then (disks fill gradually)', async () => {
    const id = await raise({ severity: 'warning', message: 'C: 8% free', value: 8 });
    await service.settled();
    expect(await tickets()).toHaveLength(0);
    await raise();
    await service.settled();
    expect((await tickets()).map((t) => t.linkedAlertIds)).toEqual([[id]]);
  });

  it('quick successive changes of one alert open one ticket, not one each', async () => {
    await raise({ severity: 'warning', message: 'C: 8% free', value: 8 });
    // Not awaiting settled between them: each commit starts a ticket attempt for the same alert.
    await raise({ value: 3 });
    await raise({ value: 2 });
    await raise({ value: 1 });
    await service.settled();
    expect(await tickets()).toHaveLength(1);
  });

  it('maintenance: none while silenced; when it ends early and the alert is still active, one', async () => {
    await service.setMaintenance(deviceId, new Date(time.clock().getTime() + 3600_000), tech);
    const id = await raise();
    await service.settled();
    expect(await store.alerts.findById(id)).toMatchObject({ state: 'snoozed', ticketId: null });
    expect(await tickets()).toHaveLength(0);
    // Updates during maintenance do not open one either.
    await raise({ message: 'C: 1% free', value: 1 });
    await service.settled();
    expect(await tickets()).toHaveLength(0);

    await service.setMaintenance(deviceId, null, tech);
    await service.settled();
    const [ticket, ...more] = await tickets();
    expect(more).toHaveLength(0);
    expect(await store.alerts.findById(id)).toMatchObject({ state: 'open', ticketId: ticket?.id });
  });

  it('maintenance running out with the alert still active opens one; a cleared one opens none', async () => {
    await service.setMaintenance(deviceId, new Date(time.clock().getTime() + 3600_000), tech);
    const active = await raise();
    await raise({ subject: 'D:' });
    await service.clear({ deviceId, check: 'disk-free', subject: 'D:', actor: agent });
    time.advance(3600_000);
    await service.tick();
    await service.settled();
    expect((await tickets()).map((t) => t.linkedAlertIds)).toEqual([[active]]);
  });
});
