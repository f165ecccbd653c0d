import { newId, type MetricsSample } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import type { AdminDeps } from '../admin/admin-deps.js';
import { createAuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { mergeDevices } from './merge-devices.js';

const ADMIN: AuthenticatedUser = { userId: 'admin-1', role: 'admin', sessionId: 's1', tier: null, siteIds: [] };

const HOUR = 3_600_000;
// Ten days back: past the raw window, so the store's rollup job folds these hours.
const H = Date.parse('2025-02-19T10:00:00.000Z');

describe('mergeDevices: hourly health rollups', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const clock = fakeClock();
  let oldId: string;
  let intoId: string;
  let deps: AdminDeps;
  let dropped: string[];

  const metrics = (cpuPercent: number, memUsedBytes: number): MetricsSample => ({
    cpuPercent,
    memUsedBytes,
    memTotalBytes: 8000,
    diskUsedBytes: 10,
    diskTotalBytes: 100,
    uptimeSeconds: 60,
  });
  const samples = (deviceId: string, atMs: number, values: Array<[number, number]>) =>
    values.map(([cpu, mem], i) => ({ deviceId, messageId: newId(), at: new Date(atMs + i * 60_000), metrics: metrics(cpu, mem) }));

  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dropped = [];
    const logger = createLogger({ level: 'error', write: () => undefined });
    deps = { store, clock: clock.clock, logger, audit: createAuditService({ store, clock: clock.clock, logger }), endSessions: () => undefined, deviceRevoked: (id) => void dropped.push(id) };
    const [site] = await store.sites.list();
    const siteId = site?.id ?? newId();
    if (!site) await store.sites.create({ id: siteId, name: 'Main office', createdAt: clock.clock() });
    oldId = newId();
    intoId = newId();
    for (const [id, hostname] of [[oldId, 'PC-OLD'], [intoId, 'PC-NEW']] as const) {
      await store.devices.create({ id, siteId, machineId: newId(), hostname, keyHash: 'a'.repeat(64), enrolledAt: new Date(H - 24 * HOUR) });
    }
    await store.health.insertMany([
      // The same hour on both records, and one hour only the old record has.
      ...samples(oldId, H, [[10, 1000], [20, 3000]]),
      ...samples(intoId, H + 30 * 60_000, [[60, 5000]]),
      ...samples(oldId, H + HOUR, [[90, 7000]]),
    ]);
    while (!(await store.maintenance.rollUpHealth(new Date(H + 2 * HOUR), 1000)).done);
  });
  afterEach(async () => {
    await cleanup();
  });

  it('moves the merged record’s rollups in the merge, adding counts and sums of a shared hour', async () => {
    const answer = await mergeDevices(deps, ADMIN, oldId, intoId);
    expect(answer).toMatchObject({ mergedId: oldId, intoId: intoId, movedHealthRollups: 2 });

    expect(await store.healthRollups.range(oldId, new Date(0), new Date(H + 3 * HOUR), 10)).toEqual([]);
    const [shared, only] = await store.healthRollups.range(intoId, new Date(0), new Date(H + 3 * HOUR), 10);
    // (10 + 20 + 60) / 3 and (1000 + 3000 + 5000) / 3 over the three samples of the hour.
    expect(shared).toMatchObject({ hour: new Date(H), samples: 3, cpuPercentAvg: 30, cpuPercentMax: 60, memUsedBytesAvg: 3000, memUsedBytesMax: 5000 });
    expect(only).toMatchObject({ hour: new Date(H + HOUR), samples: 1, cpuPercentAvg: 90 });
  });

  it('moves nothing when the merge is refused', async () => {
    await store.devices.revoke(intoId, clock.clock());
    await expect(mergeDevices(deps, ADMIN, oldId, intoId)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.healthRollups.range(oldId, new Date(0), new Date(H + 3 * HOUR), 10)).toHaveLength(2);
    expect(dropped).toEqual([]);
  });

  it('ends the merged credential through the one revoke path: admin only, audited, live sockets dropped', async () => {
    for (const tier of [1, 2, 3] as const) {
      const technician: AuthenticatedUser = { userId: 'tech', role: 'technician', sessionId: 's2', tier, siteIds: [] };
      await expect(mergeDevices(deps, technician, oldId, intoId)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await store.devices.findById(oldId))?.revokedAt).toBeNull();
    await mergeDevices(deps, ADMIN, oldId, intoId);
    expect((await store.devices.findById(oldId))?.revokedAt).not.toBeNull();
    expect(dropped).toEqual([oldId]);
    const [entry] = await store.audit.page(5);
    expect(entry).toMatchObject({ action: 'device.merge', target: `device:${oldId}`, details: expect.objectContaining({ intoId, movedHealthRollups: 2 }) });
  });
});
