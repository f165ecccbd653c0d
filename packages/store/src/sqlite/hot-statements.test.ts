import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aMetricsSample, aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { ProcessedMessage } from '../types.js';

// The heartbeat path inside a transaction uses prepared statements; outside, Kysely. Both must
// read and write the same rows with the same rules.
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

const message = (messageId: string, hash: string, when = T0): ProcessedMessage => ({
  deviceId,
  messageId,
  kind: 'device:heartbeat',
  payloadHash: hash,
  result: { receivedAt: when.toISOString() },
  processedAt: when,
});

describe('hot statements (transaction path)', () => {
  it('writes samples and messages that the Kysely path reads back identically', async () => {
    const ids = [newId(), newId()];
    await temp.store.transaction(async (tx) => {
      await tx.health.insertMany(ids.map((messageId, i) => ({ deviceId, messageId, at: at(i * 1000), metrics: aMetricsSample() })));
      await tx.messages.putMany(ids.map((id) => message(id, 'h1')));
    });
    expect(await temp.store.health.recent(deviceId, T0, 10)).toEqual(
      [1, 0].map((i) => ({ deviceId, messageId: ids[i], at: at(i * 1000), metrics: aMetricsSample() })),
    );
    expect(await temp.store.messages.get(deviceId, ids[0] ?? '')).toEqual(message(ids[0] ?? '', 'h1'));
  });

  it('keeps the first outcome of a message id and finds it again in a later transaction', async () => {
    const id = newId();
    await temp.store.messages.putMany([message(id, 'first')]);
    await temp.store.transaction(async (tx) => {
      await tx.messages.putMany([message(id, 'second', at(5_000))]);
      expect(await tx.messages.getMany([{ deviceId, messageId: id }, { deviceId, messageId: newId() }])).toEqual([message(id, 'first')]);
    });
    expect(await temp.store.messages.get(deviceId, id)).toEqual(message(id, 'first'));
  });

  it('rolls back with the transaction', async () => {
    const id = newId();
    await expect(
      temp.store.transaction(async (tx) => {
        await tx.health.insertMany([{ deviceId, messageId: id, at: T0, metrics: aMetricsSample() }]);
        await tx.messages.putMany([message(id, 'h')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await temp.store.messages.get(deviceId, id)).toBeUndefined();
    expect(await temp.store.health.recent(deviceId, T0, 10)).toEqual([]);
  });

  it('still enforces the device foreign key on samples', async () => {
    await expect(
      temp.store.transaction((tx) => tx.health.insertMany([{ deviceId: newId(), messageId: newId(), at: T0, metrics: aMetricsSample() }])),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
