import type { HealthPoint } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { formatWifiSignal, latestWifi, signalWord, wifiPercent } from './wifi-signal.js';

const sample = (at: string, wifi?: HealthPoint['wifi']): HealthPoint => ({
  at,
  cpuPercent: 1,
  memUsedBytes: 1,
  memTotalBytes: 2,
  diskUsedBytes: null,
  diskTotalBytes: null,
  uptimeSeconds: 1,
  ...(wifi === undefined ? {} : { wifi }),
});

describe('wifiPercent', () => {
  it('uses the quality the agent sent, and derives it from dBm on Windows\' scale otherwise', () => {
    expect(wifiPercent({ wifi: { signalDbm: -69, qualityPercent: 70 } })).toBe(70);
    expect(wifiPercent({ wifi: { signalDbm: -67, qualityPercent: null } })).toBe(66);
    expect(wifiPercent({ wifi: { signalDbm: -40, qualityPercent: null } })).toBe(100);
    expect(wifiPercent({ wifi: { signalDbm: -110, qualityPercent: null } })).toBe(0);
  });

  it('is null without a link or when the agent did not say', () => {
    expect(wifiPercent({ wifi: null })).toBeNull();
    expect(wifiPercent({})).toBeNull();
  });
});

describe('formatWifiSignal', () => {
  it.each([
    [{ signalDbm: -58, qualityPercent: 84 }, '84 % (-58 dBm), good'],
    [{ signalDbm: -67, qualityPercent: 66 }, '66 % (-67 dBm), good'],
    [{ signalDbm: -75, qualityPercent: 50 }, '50 % (-75 dBm), fair'],
    [{ signalDbm: -85, qualityPercent: 30 }, '30 % (-85 dBm), poor'],
    [{ signalDbm: null, qualityPercent: 45 }, '45 %, fair'],
    [{ signalDbm: -80, qualityPercent: null }, '40 % (-80 dBm), fair'],
  ])('%o reads "%s"', (link, text) => expect(formatWifiSignal(link)).toBe(text));

  it('words follow the usual floors: -67 dBm for calls, -80 dBm for browsing', () => {
    expect([100, 66, 65, 40, 39, 0].map(signalWord)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor']);
  });
});

describe('latestWifi', () => {
  it('takes the newest sample that says anything about Wi-Fi, whatever the order', () => {
    const link = { signalDbm: -61, qualityPercent: 78 };
    const health = [sample('2026-03-10T12:02:00Z'), sample('2026-03-10T12:01:00Z', link), sample('2026-03-10T12:00:00Z', null)];
    expect(latestWifi(health)).toEqual({ at: '2026-03-10T12:01:00Z', link });
  });

  it('reports "not connected" when the newest saying sample has no link', () => {
    const health = [sample('2026-03-10T12:00:00Z', { signalDbm: -61, qualityPercent: 78 }), sample('2026-03-10T12:05:00Z', null)];
    expect(latestWifi(health)).toEqual({ at: '2026-03-10T12:05:00Z', link: null });
  });

  it('undefined when no sample carries the field (older agents), and skips bad times', () => {
    expect(latestWifi([sample('2026-03-10T12:00:00Z')])).toBeUndefined();
    expect(latestWifi([sample('garbage', null)])).toBeUndefined();
    expect(latestWifi([])).toBeUndefined();
  });
});
