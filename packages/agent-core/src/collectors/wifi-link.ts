import type { WifiLinkSample } from '@deskside/protocol';

/*
 * dBm <-> quality %: Windows reports only a quality (WLAN_ASSOCIATION_ATTRIBUTES.wlanSignalQuality),
 * defined as linear from 0 at -100 dBm to 100 at -50 dBm. Linux and macOS report only dBm. Using
 * Windows' own line, quality = clamp(2 × (dBm + 100)), puts every platform on one scale, so a
 * technician compares like with like across a fleet. The inverse is exact only inside -100…-50 dBm:
 * a 100 % link is "-50 dBm or better" and is reported as -50, 0 % as -100.
 */

/** Quality % from a signal level in dBm, on Windows' scale (see above). */
export function qualityFromDbm(dbm: number): number {
  return Math.round(Math.min(100, Math.max(0, 2 * (dbm + 100))));
}

/** Signal level in dBm estimated from a Windows-style quality %: -100 … -50. */
export function dbmFromQuality(percent: number): number {
  return Math.round(Math.min(100, Math.max(0, percent)) / 2 - 100);
}

/** A link sample from whatever the OS told: a measured figure wins, the missing one is derived. */
export function wifiLink(reading: { dbm?: number | null; quality?: number | null }): WifiLinkSample | null {
  const dbm = valid(reading.dbm, -120, -1);
  const quality = valid(reading.quality, 0, 100);
  if (dbm === null && quality === null) return null;
  return {
    signalDbm: dbm ?? dbmFromQuality(quality ?? 0),
    qualityPercent: quality ?? qualityFromDbm(dbm ?? -100),
  };
}

function valid(value: number | null | undefined, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? Math.round(value) : null;
}
