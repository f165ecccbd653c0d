import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { FixRunRecord } from './fix-types.js';

let temp: TempStore;
let deviceId: string;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
  const device = aDevice(site.id);
  deviceId = device.id;
  await temp.store.devices.create(device);
});
afterEach(() => temp.cleanup());

const run = (over: Partial<FixRunRecord> = {}): FixRunRecord => ({
  id: newId(),
  deviceId,
  siteId,
  ticketId: null,
  action: 'clear-temp-files',
  params: { olderThanDays: 1, emptyRecycleBin: false },
  origin: 'technician',
  requestedById: null,
  requestedBy: 'Tess',
  state: 'requested',
  createdAt: at(0),
  updatedAt: at(0),
  expiresAt: at(600_000),
  message: null,
  exitCode: null,
  durationMs: null,
  output: null,
  bytesFreed: null,
  ...over,
});

describe('fix runs', () => {
  it('holds one active run per device in the database, frees the slot when final or expired', async () => {
    const first = run();
    await temp.store.fixRuns.insert(first, true);
    await expect(temp.store.fixRuns.insert(run(), true)).rejects.toThrow();
    expect((await temp.store.fixRuns.active(deviceId))?.id).toBe(first.id);
    await temp.store.fixRuns.update(first.id, { state: 'succeeded', active: false, updatedAt: at(5), exitCode: 0, durationMs: 12, output: 'done', bytesFreed: 2 ** 40 });
    expect(await temp.store.fixRuns.findById(first.id)).toMatchObject({ state: 'succeeded', exitCode: 0, durationMs: 12, output: 'done', bytesFreed: 2 ** 40, params: { olderThanDays: 1, emptyRecycleBin: false } });
    const second = run({ createdAt: at(10) });
    await temp.store.fixRuns.insert(second, true);
    expect(await temp.store.fixRuns.expireActive(deviceId, at(1000))).toEqual([]);
    expect(await temp.store.fixRuns.expireActive(deviceId, at(600_010))).toEqual([second.id]);
    expect(await temp.store.fixRuns.active(deviceId)).toBeUndefined();
    expect((await temp.store.fixRuns.listByDevice(deviceId, 10)).map((r) => [r.id, r.state])).toEqual([
      [second.id, 'expired'],
      [first.id, 'succeeded'],
    ]);
  });

  it('lists a ticket’s runs newest first', async () => {
    const ticketId = newId();
    const a = run({ ticketId, createdAt: at(1) });
    await temp.store.fixRuns.insert(a, false);
    const b = run({ ticketId, createdAt: at(2) });
    await temp.store.fixRuns.insert(b, false);
    expect((await temp.store.fixRuns.listByTicket(ticketId, 10)).map((r) => r.id)).toEqual([b.id, a.id]);
  });
});
