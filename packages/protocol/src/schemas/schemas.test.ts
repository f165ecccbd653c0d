import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { LIMITS } from '../limits.js';
import { AgentHandshakeSchema } from './handshake.js';
import { HeartbeatSchema } from './heartbeat.js';
import { InventoryDeltaSchema, InventoryDocumentSchema, inventoryHashInput } from './inventory.js';
import { LoginRequestSchema } from './auth.js';
import { sampleInventory } from './fixtures.js';

const metrics = {
  cpuPercent: 12.5,
  memUsedBytes: 4e9,
  memTotalBytes: 16e9,
  diskUsedBytes: 100e9,
  diskTotalBytes: 500e9,
  uptimeSeconds: 3600,
};

describe('HeartbeatSchema', () => {
  const valid = { id: newId(), sentAt: '2026-11-24T10:00:00.000Z', metrics };

  it('accepts a well-formed heartbeat', () => {
    expect(HeartbeatSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['negative sizes', { ...metrics, memUsedBytes: -1 }],
    ['Infinity', { ...metrics, diskTotalBytes: Number.POSITIVE_INFINITY }],
    ['NaN', { ...metrics, cpuPercent: Number.NaN }],
    ['CPU over 100 %', { ...metrics, cpuPercent: 180 }],
    ['a byte count past 1 EiB', { ...metrics, diskTotalBytes: 2 ** 61 }],
    ['a string where a number goes', { ...metrics, uptimeSeconds: '3600' }],
  ])('refuses %s', (_label, bad) => {
    expect(HeartbeatSchema.safeParse({ ...valid, metrics: bad }).success).toBe(false);
  });

  it('refuses a timestamp that is not ISO 8601', () => {
    expect(HeartbeatSchema.safeParse({ ...valid, sentAt: 'yesterday' }).success).toBe(false);
  });

  it('keeps a Wi-Fi link, and accepts null (no wireless link) and absence (older agents)', () => {
    const wifi = { signalDbm: -58, qualityPercent: 84 };
    expect(HeartbeatSchema.parse({ ...valid, metrics: { ...metrics, wifi } }).metrics.wifi).toEqual(wifi);
    expect(HeartbeatSchema.parse({ ...valid, metrics: { ...metrics, wifi: null } }).metrics.wifi).toBeNull();
    expect('wifi' in HeartbeatSchema.parse(valid).metrics).toBe(false);
    expect(HeartbeatSchema.safeParse({ ...valid, metrics: { ...metrics, wifi: { signalDbm: null, qualityPercent: 40 } } }).success).toBe(true);
    expect(HeartbeatSchema.safeParse({ ...valid, metrics: { ...metrics, wifi: { signalDbm: -120, qualityPercent: 0 } } }).success).toBe(true);
  });

  it.each([
    ['a positive dBm', { signalDbm: 5, qualityPercent: 100 }],
    ['a dBm below -120', { signalDbm: -121, qualityPercent: 0 }],
    ['a fractional dBm', { signalDbm: -58.5, qualityPercent: 83 }],
    ['quality over 100 %', { signalDbm: -30, qualityPercent: 101 }],
    ['negative quality', { signalDbm: -100, qualityPercent: -1 }],
    ['neither figure', { signalDbm: null, qualityPercent: null }],
    ['a string figure', { signalDbm: '-58', qualityPercent: 84 }],
    ['a missing figure', { signalDbm: -58 }],
  ])('refuses a Wi-Fi link with %s', (_label, wifi) => {
    expect(HeartbeatSchema.safeParse({ ...valid, metrics: { ...metrics, wifi } }).success).toBe(false);
  });
});

describe('InventoryDocumentSchema', () => {
  it('accepts the sample document', () => {
    expect(InventoryDocumentSchema.parse(sampleInventory()).os?.hostname).toBe('pc-01');
  });

  it('bounds strings and lists', () => {
    const long = 'x'.repeat(LIMITS.shortText + 1);
    const doc = sampleInventory();
    expect(InventoryDocumentSchema.safeParse({ ...doc, os: { ...doc.os, distro: long } }).success).toBe(false);
    const volume = { mount: '/', fs: 'ext4', label: null, sizeBytes: 1, usedBytes: 1, removable: false, encrypted: null };
    const volumes = Array.from({ length: LIMITS.inventoryList + 1 }, () => volume);
    expect(InventoryDocumentSchema.safeParse({ ...doc, volumes }).success).toBe(false);
  });

  it('hash input ignores when and how fast the document was collected', () => {
    const a = sampleInventory();
    const b = sampleInventory({ collectedAt: '2026-11-25T00:00:00.000Z', probes: [] });
    expect(inventoryHashInput(a)).toBe(inventoryHashInput(b));
    const c = sampleInventory({ memory: { totalBytes: 8 * 2 ** 30, modules: [] } });
    expect(inventoryHashInput(c)).not.toBe(inventoryHashInput(a));
  });
});

describe('InventoryDeltaSchema', () => {
  it('only removes known sections', () => {
    const base = { id: newId(), baseHash: 'a'.repeat(64), hash: 'b'.repeat(64), set: {} };
    expect(InventoryDeltaSchema.safeParse({ ...base, remove: ['disks'] }).success).toBe(true);
    expect(InventoryDeltaSchema.safeParse({ ...base, remove: ['__proto__'] }).success).toBe(false);
  });
});

describe('handshakes and login', () => {
  it('refuses a short device key and a non-id device id', () => {
    expect(
      AgentHandshakeSchema.safeParse({ protocolVersion: 1, deviceId: newId(), deviceKey: 'short' }).success,
    ).toBe(false);
    expect(
      AgentHandshakeSchema.safeParse({ protocolVersion: 1, deviceId: 'pc-01', deviceKey: 'k'.repeat(43) }).success,
    ).toBe(false);
  });

  it('refuses empty credentials', () => {
    expect(LoginRequestSchema.safeParse({ username: '', password: 'x' }).success).toBe(false);
    expect(LoginRequestSchema.safeParse({ username: 'admin' }).success).toBe(false);
  });
});
