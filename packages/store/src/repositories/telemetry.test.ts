import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aMetricsSample, anInventoryDocument, aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { HealthSampleRecord, ProcessedMessage } from '../types.js';

let temp: TempStore;
let deviceId: string;
let otherDeviceId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  await temp.store.sites.create(site);
  const device = aDevice(site.id);
  const other = aDevice(site.id, { hostname: 'PC-002' });
  await temp.store.devices.create(device);
  await temp.store.devices.create(other);
  deviceId = device.id;
  otherDeviceId = other.id;
});
afterEach(() => temp.cleanup());

describe('inventory', () => {
  it('stores, replaces and stamps the device with the hash', async () => {
    expect(await temp.store.inventory.get(deviceId)).toBeUndefined();
    const first = { deviceId, hash: 'a'.repeat(64), document: anInventoryDocument(), updatedAt: T0 };
    await temp.store.inventory.put(first);
    expect(await temp.store.inventory.get(deviceId)).toEqual(first);

    const second = { deviceId, hash: 'b'.repeat(64), document: anInventoryDocument('PC-NEW'), updatedAt: at(60_000) };
    await temp.store.inventory.put(second);
    expect(await temp.store.inventory.get(deviceId)).toEqual(second);
    expect(await temp.store.devices.findById(deviceId)).toMatchObject({
      inventoryHash: 'b'.repeat(64),
      inventoryUpdatedAt: at(60_000),
    });
  });

  it('refuses an inventory for an unknown device and leaves nothing behind', async () => {
    const ghost = newId();
    await expect(
      temp.store.inventory.put({ deviceId: ghost, hash: 'c'.repeat(64), document: anInventoryDocument(), updatedAt: T0 }),
    ).rejects.toThrow(/foreign key/i);
    expect(await temp.store.inventory.get(ghost)).toBeUndefined();
  });
});

describe('health samples', () => {
  function aSample(id: string, offsetMs: number): HealthSampleRecord {
    return { deviceId: id, messageId: newId(), at: at(offsetMs), metrics: aMetricsSample({ cpuPercent: offsetMs % 100 }) };
  }

  it('answers the newest first, bounded by since and limit, for one device only', async () => {
    const mine = [0, 1000, 2000, 3000].map((t) => aSample(deviceId, t));
    await temp.store.health.insertMany([...mine, aSample(otherDeviceId, 2500)]);
    expect(await temp.store.health.recent(deviceId, at(1000), 10)).toEqual([mine[3], mine[2], mine[1]]);
    expect(await temp.store.health.recent(deviceId, T0, 2)).toEqual([mine[3], mine[2]]);
    expect(await temp.store.health.recent(deviceId, T0, 0)).toEqual([]);
  });

  it('inserts thousands in one call and prunes what is older than a cut-off', async () => {
    const samples = Array.from({ length: 4_000 }, (_, i) => aSample(i % 2 ? deviceId : otherDeviceId, i));
    await temp.store.health.insertMany(samples);
    expect(await temp.store.health.prune(at(1000))).toBe(1000);
    expect(await temp.store.health.prune(at(1000))).toBe(0);
    const left = await temp.store.health.recent(deviceId, T0, 10_000);
    expect(left).toHaveLength(1500);
    expect(left.at(-1)?.at).toEqual(at(1001));
  });

  it('keeps the Wi-Fi link through the JSON column, in and out of a transaction', async () => {
    const withLink = { ...aSample(deviceId, 0), metrics: aMetricsSample({ wifi: { signalDbm: -67, qualityPercent: 66 } }) };
    const noLink = { ...aSample(deviceId, 1000), metrics: aMetricsSample({ wifi: null }) };
    const olderAgent = aSample(deviceId, 2000);
    await temp.store.health.insertMany([withLink]);
    await temp.store.transaction((tx) => tx.health.insertMany([noLink, olderAgent]));
    const [last, middle, first] = await temp.store.health.recent(deviceId, T0, 10);
    expect(first?.metrics.wifi).toEqual({ signalDbm: -67, qualityPercent: 66 });
    expect(middle?.metrics.wifi).toBeNull();
    expect(last?.metrics).not.toHaveProperty('wifi');
  });
});

describe('processed messages', () => {
  function aMessage(overrides: Partial<ProcessedMessage> = {}): ProcessedMessage {
    return {
      deviceId,
      messageId: newId(),
      kind: 'heartbeat',
      payloadHash: 'd'.repeat(64),
      result: { receivedAt: T0.toISOString() },
      processedAt: T0,
      ...overrides,
    };
  }

  it('round-trips results, including none at all, and keeps the first outcome', async () => {
    const withResult = aMessage({ result: { status: 'wanted', knownHash: null, n: [1, 2] } });
    const withoutResult = aMessage({ kind: 'presence', result: undefined });
    const nullResult = aMessage({ result: null });
    await temp.store.messages.putMany([withResult, withoutResult, nullResult]);
    await temp.store.messages.putMany([{ ...withResult, result: 'second', payloadHash: 'e'.repeat(64) }]);
    expect(await temp.store.messages.get(deviceId, withResult.messageId)).toEqual(withResult);
    expect(await temp.store.messages.get(deviceId, withoutResult.messageId)).toEqual(withoutResult);
    expect(await temp.store.messages.get(deviceId, nullResult.messageId)).toEqual(nullResult);
    expect(await temp.store.messages.get(otherDeviceId, withResult.messageId)).toBeUndefined();
  });

  it('getMany/putMany with 2,000 rows', async () => {
    const messages = Array.from({ length: 2_000 }, (_, i) =>
      aMessage({ deviceId: i % 2 ? deviceId : otherDeviceId, processedAt: at(i) }),
    );
    await temp.store.messages.putMany(messages);
    const keys = messages.map(({ deviceId: d, messageId: m }) => ({ deviceId: d, messageId: m }));
    // Right message id, wrong device: must not match.
    const crossed = keys.map((k) => ({ deviceId: k.deviceId === deviceId ? otherDeviceId : deviceId, messageId: k.messageId }));
    const found = await temp.store.messages.getMany([...keys, ...crossed.slice(0, 100)]);
    const sortKey = (m: ProcessedMessage) => `${m.deviceId}/${m.messageId}`;
    expect(found.map(sortKey).sort()).toEqual(messages.map(sortKey).sort());
    expect(found.find((m) => m.messageId === messages[1234]?.messageId)).toEqual(messages[1234]);
    expect(await temp.store.messages.getMany([])).toEqual([]);
  });

  it('prunes what was processed before a cut-off', async () => {
    const messages = [0, 10, 20].map((t) => aMessage({ processedAt: at(t) }));
    await temp.store.messages.putMany(messages);
    expect(await temp.store.messages.prune(at(20))).toBe(2);
    expect(await temp.store.messages.getMany(messages)).toEqual([messages[2]]);
  });
});
