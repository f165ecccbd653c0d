import { describe, expect, it } from 'vitest';
import { parseDeviceBatch, parseHandshakeError, parseRemovedIds, parseWatchAck } from './feed-payloads.js';
import { makeDevice } from '../state/test-devices.js';

describe('parseDeviceBatch', () => {
  it('keeps valid devices and counts the rest', () => {
    const good = makeDevice();
    const batch = parseDeviceBatch({ devices: [good, { ...good, status: 'on-fire' }, { id: 1 }, null] });
    expect(batch.devices).toEqual([good]);
    expect(batch.rejected).toBe(3);
  });

  it('rejects an over-long hostname (schema bounds apply)', () => {
    expect(parseDeviceBatch({ devices: [makeDevice({ hostname: 'x'.repeat(256) })] }).rejected).toBe(1);
  });

  it('yields nothing for a payload of the wrong shape', () => {
    for (const payload of [null, 'x', [], { devices: 'no' }, { device: [] }]) {
      expect(parseDeviceBatch(payload)).toEqual({ devices: [], rejected: 1 });
    }
  });
});

describe('parseRemovedIds', () => {
  it('keeps well-formed ids only', () => {
    expect(parseRemovedIds({ ids: ['01J00000000000000000000001', '<script>', 7] })).toEqual({
      ids: ['01J00000000000000000000001'],
      rejected: 2,
    });
    expect(parseRemovedIds({ ids: 'x' })).toEqual({ ids: [], rejected: 1 });
  });
});

describe('parseWatchAck', () => {
  it('reads a snapshot', () => {
    const device = makeDevice();
    expect(parseWatchAck({ ok: true, data: { devices: [device] } })).toEqual({
      ok: true,
      batch: { devices: [device], rejected: 0 },
    });
  });

  it('reads an error and bounds its text', () => {
    const result = parseWatchAck({ ok: false, error: { code: 'forbidden', message: 'm'.repeat(5000) } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('forbidden');
      expect(result.message).toHaveLength(1024);
    }
  });

  it('treats garbage as a bad response', () => {
    expect(parseWatchAck(undefined)).toMatchObject({ ok: false, code: 'bad_response' });
  });
});

describe('parseHandshakeError', () => {
  it('accepts the protocol shape only', () => {
    expect(parseHandshakeError({ code: 'unauthorized', message: 'bad token' })).toEqual({ code: 'unauthorized', message: 'bad token' });
    expect(parseHandshakeError({ code: 'teapot', message: '' })).toBeNull();
    expect(parseHandshakeError(undefined)).toBeNull();
  });
});
