import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aMetricsSample, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { ProcessedMessage } from '../types.js';
import { HOUR_MS } from './rollup-math.js';

const H = T0.getTime();
let temp: TempStore;
let deviceId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  await temp.store.sites.create(site);
  const device = aDevice(site.id);
  await temp.store.devices.create(device);
  deviceId = device.id;
});
afterEach(() => temp.cleanup());

function message(kind: string, processedAtMs: number): ProcessedMessage {
  return { deviceId, messageId: newId(), kind, payloadHash: 'h'.repeat(64), result: { ok: 1 }, processedAt: new Date(processedAtMs) };
}

describe('rollup retention', () => {
  it('deletes hours strictly before the boundary, at most `limit` per call, oldest first', async () => {
    // Five hourly rollups: H, H+1h, … H+4h.
    await temp.store.health.insertMany(
      [0, 1, 2, 3, 4].map((h) => ({ deviceId, messageId: newId(), at: new Date(H + h * HOUR_MS + 1), metrics: aMetricsSample() })),
    );
    await temp.store.maintenance.rollUpHealth(new Date(H + 5 * HOUR_MS), 100);
    const hours = async () => (await temp.store.healthRollups.range(deviceId, new Date(0), new Date(H + 9 * HOUR_MS), 100)).map((r) => (r.hour.getTime() - H) / HOUR_MS);

    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 3 * HOUR_MS), 2)).toBe(2);
    expect(await hours()).toEqual([2, 3, 4]);
    // H+3h itself is kept: the boundary is exclusive.
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 3 * HOUR_MS), 2)).toBe(1);
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 3 * HOUR_MS), 2)).toBe(0);
    expect(await hours()).toEqual([3, 4]);
  });
});

describe('processed-message retention', () => {
  it('deletes records processed strictly before the boundary, bounded, filtered by kind', async () => {
    const beats = [0, 1, 2, 3].map((i) => message('device:heartbeat', H + i));
    const ticket = message('ticket:create', H);
    await temp.store.messages.putMany([...beats, ticket]);
    const still = async (m: ProcessedMessage) => (await temp.store.messages.get(m.deviceId, m.messageId)) !== undefined;

    // Every kind but tickets, oldest first, two at a time.
    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 3), limit: 2, exceptKinds: ['ticket:create'] })).toBe(2);
    expect(await Promise.all(beats.map(still))).toEqual([false, false, true, true]);
    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 3), limit: 2, exceptKinds: ['ticket:create'] })).toBe(1);
    expect(await Promise.all(beats.map(still))).toEqual([false, false, false, true]);
    expect(await still(ticket)).toBe(true);

    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 10), limit: 10, kinds: ['alert:raise'] })).toBe(0);
    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 10), limit: 10, kinds: [] })).toBe(0);
    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 10), limit: 10, kinds: ['ticket:create'] })).toBe(1);
    expect(await still(ticket)).toBe(false);
    expect(await temp.store.maintenance.pruneMessages({ before: new Date(H + 10), limit: 10 })).toBe(1);
  });
});

describe('optimize', () => {
  it('runs on SQLite and refuses to run inside a transaction (one connection)', async () => {
    await expect(temp.store.maintenance.optimize()).resolves.toBeUndefined();
    await expect(temp.store.transaction(() => temp.store.maintenance.optimize())).rejects.toThrow(/maintenance\.optimize\(\) was called from inside/);
  });
});

describe('rollup retention on a large fleet', () => {
  it('slices an hour that holds more rollups than the limit', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    const devices = Array.from({ length: 5 }, (_, i) => aDevice(site.id, { hostname: `PC-${i}` }));
    for (const d of devices) await temp.store.devices.create(d);
    // Two hours of five devices each.
    await temp.store.health.insertMany(
      devices.flatMap((d) => [0, 1].map((h) => ({ deviceId: d.id, messageId: newId(), at: new Date(H + h * HOUR_MS), metrics: aMetricsSample() }))),
    );
    await temp.store.maintenance.rollUpHealth(new Date(H + 2 * HOUR_MS), 100);
    const left = async () => {
      let n = 0;
      for (const d of devices) n += (await temp.store.healthRollups.range(d.id, new Date(0), new Date(H + 9 * HOUR_MS), 10)).length;
      return n;
    };
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 2 * HOUR_MS), 3)).toBe(3);
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 2 * HOUR_MS), 3)).toBe(2);
    expect(await left()).toBe(5);
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 2 * HOUR_MS), 3)).toBe(3);
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 2 * HOUR_MS), 3)).toBe(2);
    expect(await temp.store.maintenance.pruneHealthRollups(new Date(H + 2 * HOUR_MS), 3)).toBe(0);
  });
});

describe('knowledge-base search retention', () => {
  it('deletes searches made before the boundary, oldest first, at most `limit` per call', async () => {
    for (const h of [0, 1, 2, 3]) {
      await temp.store.kbActivity.logSearch({ id: `s${h}`, at: new Date(H + h * HOUR_MS), query: `printer ${h}`, results: 0, source: 'tray' });
    }
    const left = async () => (await temp.store.kbActivity.noResultSearches(new Date(0), new Date(H + 9 * HOUR_MS), 10)).map((s) => s.query).sort();
    expect(await temp.store.maintenance.pruneKbSearches(new Date(H + 3 * HOUR_MS), 2)).toBe(2);
    expect(await left()).toEqual(['printer 2', 'printer 3']);
    // The boundary is exclusive: the search made at H+3h stays.
    expect(await temp.store.maintenance.pruneKbSearches(new Date(H + 3 * HOUR_MS), 2)).toBe(1);
    expect(await temp.store.maintenance.pruneKbSearches(new Date(H + 3 * HOUR_MS), 2)).toBe(0);
    expect(await left()).toEqual(['printer 3']);
  });
});
