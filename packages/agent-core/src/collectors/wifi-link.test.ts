import { WifiLinkSampleSchema } from '@deskside/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbmFromQuality, qualityFromDbm, wifiLink } from './wifi-link.js';

describe('Wi-Fi signal conversions', () => {
  it.each([
    [-30, 100],
    [-50, 100],
    [-58, 84],
    [-67, 66],
    [-100, 0],
    [-110, 0],
  ])('%i dBm is %i percent', (dbm, quality) => expect(qualityFromDbm(dbm)).toBe(quality));

  it.each([
    [100, -50],
    [85, -57],
    [62, -69],
    [0, -100],
    [140, -50],
  ])('%i percent is about %i dBm', (quality, dbm) => expect(dbmFromQuality(quality)).toBe(dbm));

  it('derives the missing figure and keeps a measured one', () => {
    expect(wifiLink({ dbm: -58 })).toEqual({ signalDbm: -58, qualityPercent: 84 });
    expect(wifiLink({ quality: 85 })).toEqual({ signalDbm: -57, qualityPercent: 85 });
    // Windows 11 prints both; its own quality is kept even where it departs from the line.
    expect(wifiLink({ dbm: -69, quality: 70 })).toEqual({ signalDbm: -69, qualityPercent: 70 });
  });

  it('null when neither figure is usable', () => {
    expect(wifiLink({})).toBeNull();
    expect(wifiLink({ dbm: 0, quality: null })).toBeNull();
    expect(wifiLink({ dbm: Number.NaN, quality: 101 })).toBeNull();
  });

  it('whatever comes in, the result fits the protocol', () => {
    fc.assert(
      fc.property(fc.option(fc.double()), fc.option(fc.double()), (dbm, quality) => {
        const link = wifiLink({ dbm, quality });
        if (link !== null) expect(WifiLinkSampleSchema.safeParse(link).success).toBe(true);
      }),
    );
  });
});
