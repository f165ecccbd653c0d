// The cluster's presence-orphan sweep hands a dead hub's device to HubChecks.orphaned: the
// device-offline alert must come as after a disconnect its own hub saw, timed from the device's
// last recorded sighting (not from when the sweep noticed).
import { monotonicIds, newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { AlertService } from './alert-service.js';
import { HubChecks } from './hub-checks.js';
import { PolicyService } from './policy-service.js';

let temp: Awaited<ReturnType<typeof tempStore>>;
let time: ReturnType<typeof fakeClock>;
let alerts: AlertService;
let checks: HubChecks;
let deviceId: string;

beforeEach(async () => {
  temp = await tempStore();
  time = fakeClock();
  const siteId = newId();
  await temp.store.sites.create({ id: siteId, name: 'Main', createdAt: time.clock() });
  deviceId = newId();
  await temp.store.devices.create({ id: deviceId, siteId, machineId: 'm', hostname: 'PC-1', keyHash: 'a'.repeat(64), enrolledAt: time.clock() });
  const policies = new PolicyService({ store: temp.store, clock: time.clock, logger: silentLogger() });
  await policies.load();
  alerts = new AlertService({ store: temp.store, clock: time.clock, newId: monotonicIds(() => time.clock().getTime()), logger: silentLogger(), policies, notificationsEnabled: false });
  // This hub never saw the device (it was connected to the hub that died).
  checks = new HubChecks({ store: temp.store, clock: time.clock, logger: silentLogger(), alerts, policies, presence: { status: () => undefined, lastSeen: () => undefined } });
});
afterEach(() => temp.cleanup());

const offline = async () => (await alerts.unresolved()).filter((a) => a.deviceId === deviceId && a.check === 'device-offline');

describe('HubChecks.orphaned', () => {
  it('raises device-offline once the device has been silent for the policy, counted from its last sighting', async () => {
    const lastSeen = new Date(time.clock().getTime() - 10 * 60_000);
    checks.orphaned(deviceId, lastSeen);
    checks.onStatusChange(deviceId, 'unreachable');
    await checks.tick();
    expect(await offline()).toHaveLength(0); // silent 10 min; the default policy says 15
    time.advance(5 * 60_000);
    await checks.tick();
    const [alert] = await offline();
    expect(alert?.message).toContain(lastSeen.toISOString());
  });

  it('clears it when the device comes back online', async () => {
    checks.orphaned(deviceId, new Date(time.clock().getTime() - 20 * 60_000));
    await checks.tick();
    expect(await offline()).toHaveLength(1);
    checks.onStatusChange(deviceId, 'online');
    await checks.tick();
    expect(await offline()).toHaveLength(0);
  });
});

describe('HubChecks across hubs', () => {
  it('clears a device-offline another hub raised when the device comes back here, on a shared database', async () => {
    checks.orphaned(deviceId, new Date(time.clock().getTime() - 20 * 60_000));
    await checks.tick();
    expect(await offline()).toHaveLength(1);
    // Hub B shares the database (a cluster is PostgreSQL: its store says so) and never raised the alert itself.
    const shared = { ...temp.store, dialect: 'postgres' as const };
    const policies = new PolicyService({ store: temp.store, clock: time.clock, logger: silentLogger() });
    await policies.load();
    const hubB = new HubChecks({ store: shared, clock: time.clock, logger: silentLogger(), alerts, policies, presence: { status: () => undefined, lastSeen: () => undefined } });
    hubB.onStatusChange(deviceId, 'online');
    await hubB.settle();
    expect(await offline()).toHaveLength(0);
    // A device without an open alert coming back costs a read, and changes nothing.
    hubB.onStatusChange(deviceId, 'unreachable');
    hubB.onStatusChange(deviceId, 'online');
    await hubB.settle();
    expect(await offline()).toHaveLength(0);
  });
});
