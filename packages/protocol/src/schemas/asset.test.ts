import { describe, expect, it } from 'vitest';
import { DeviceListQuerySchema } from './device.js';
import { DevicePatchSchema, ExportQuerySchema, GroupCreateSchema, IsoDateSchema } from './asset.js';

describe('DevicePatchSchema', () => {
  it('accepts a partial patch, trims lines and turns empty strings into null', () => {
    const parsed = DevicePatchSchema.parse({ assetTag: '  A-1 ', location: '', lifecycle: 'in-repair' });
    expect(parsed).toEqual({ assetTag: 'A-1', location: null, lifecycle: 'in-repair' });
  });

  it('refuses unknown and agent-owned fields, empty patches and bad values', () => {
    expect(DevicePatchSchema.safeParse({ hostname: 'x' }).success).toBe(false);
    expect(DevicePatchSchema.safeParse({}).success).toBe(false);
    expect(DevicePatchSchema.safeParse({ lifecycle: 'lost' }).success).toBe(false);
    expect(DevicePatchSchema.safeParse({ assetTag: 'x'.repeat(65) }).success).toBe(false);
    expect(DevicePatchSchema.safeParse({ assetTag: 'a\nb' }).success).toBe(false);
    expect(DevicePatchSchema.safeParse({ warrantyEnd: '2024-02-30' }).success).toBe(false);
    expect(DevicePatchSchema.safeParse({ purchaseDate: '2024-01-01T00:00:00Z' }).success).toBe(false);
  });

  it('keeps line breaks in notes', () => {
    expect(DevicePatchSchema.parse({ notes: 'line 1\r\nline 2' }).notes).toBe('line 1\r\nline 2');
  });
});

describe('IsoDateSchema', () => {
  it('accepts real calendar dates only', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('1969-12-31').success).toBe(false);
  });
});

describe('ExportQuerySchema', () => {
  it('parses a column list against the whitelist', () => {
    expect(ExportQuerySchema.parse({ columns: 'hostname, assetTag' }).columns).toEqual(['hostname', 'assetTag']);
    expect(ExportQuerySchema.safeParse({ columns: 'hostname,keyHash' }).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ columns: 'hostname,hostname' }).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ columns: '' }).success).toBe(false);
  });

  it('coerces the day filters and refuses unknown parameters', () => {
    expect(ExportQuerySchema.parse({ warrantyWithinDays: '30' }).warrantyWithinDays).toBe(30);
    expect(ExportQuerySchema.safeParse({ notSeenForDays: '-1' }).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ format: 'csv' }).success).toBe(false);
  });
});

describe('DeviceListQuerySchema', () => {
  it('carries the asset filters', () => {
    expect(DeviceListQuerySchema.parse({ notSeenForDays: '7', lifecycle: 'retired' })).toEqual({ notSeenForDays: 7, lifecycle: 'retired' });
  });
});

describe('GroupCreateSchema', () => {
  it('needs the named field for department and location groups', () => {
    expect(GroupCreateSchema.safeParse({ name: 'Sales', kind: 'department', filter: {} }).success).toBe(false);
    expect(GroupCreateSchema.safeParse({ name: 'Sales', kind: 'department', filter: { department: 'Sales' } }).success).toBe(true);
    expect(GroupCreateSchema.safeParse({ name: ' ', kind: 'filter', filter: {} }).success).toBe(false);
    expect(GroupCreateSchema.safeParse({ name: 'x', kind: 'filter', filter: { os: 'Windows' } }).success).toBe(false);
  });
});
