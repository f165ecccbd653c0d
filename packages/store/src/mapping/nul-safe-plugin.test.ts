// PostgreSQL refuses NUL in text and `\u0000` in jsonb; agents can send both. Runs on SQLite
// (unit) and PostgreSQL (unit-postgres): both store the same replacement.
import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, anInventoryDocument, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import { nulSafe } from './nul-safe-plugin.js';

describe('strings with NUL characters', () => {
  let temp: TempStore;
  let siteId: string;
  beforeEach(async () => {
    temp = await openTempStore();
    const site = aSite();
    siteId = site.id;
    await temp.store.sites.create(site);
  });
  afterEach(() => temp.cleanup());

  it('are stored with U+FFFD in place of each NUL, in text columns and inside JSON documents', async () => {
    const device = aDevice(siteId, { hostname: 'PC\u0000-01\u0000' });
    await temp.store.devices.create(device);
    expect((await temp.store.devices.findById(device.id))?.hostname).toBe('PC\uFFFD-01\uFFFD');

    const document = anInventoryDocument('firmware\u0000name');
    await temp.store.inventory.put({ deviceId: device.id, hash: 'h'.repeat(64), document, updatedAt: T0 });
    const stored = await temp.store.inventory.get(device.id);
    expect(stored?.document.os?.hostname).toBe('firmware\uFFFDname');
  });

  it('are stored the same way on the heartbeat path (SQLite writes it past Kysely)', async () => {
    const device = aDevice(siteId);
    await temp.store.devices.create(device);
    const messageId = newId();
    const result = { receivedAt: T0.toISOString(), note: 'x\u0000y' };
    await temp.store.transaction((tx) => tx.messages.putMany([{ deviceId: device.id, messageId, kind: 'device:heartbeat', payloadHash: 'p'.repeat(64), result, processedAt: T0 }]));
    expect((await temp.store.messages.get(device.id, messageId))?.result).toEqual({ ...result, note: 'x\uFFFDy' });
  });
});

describe('nulSafe', () => {
  it.each([
    ['plain', 'plain'],
    ['a\u0000b', 'a\uFFFDb'],
    ['{"k":"a\\u0000b"}', '{"k":"a\\ufffdb"}'],
    // A backslash followed by the letters u0000 is text, not a NUL: kept.
    ['{"k":"a\\\\u0000b"}', '{"k":"a\\\\u0000b"}'],
    ['{"k":"a\\\\\\u0000b"}', '{"k":"a\\\\\\ufffdb"}'],
  ])('%j → %j', (input, output) => {
    expect(nulSafe(input)).toBe(output);
    if (input.startsWith('{')) expect(() => JSON.parse(nulSafe(input)) as unknown).not.toThrow();
  });
});
