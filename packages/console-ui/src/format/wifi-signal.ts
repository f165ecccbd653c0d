import type { HealthPoint, WifiLinkSample } from '@deskside/protocol';

/**
 * Wi-Fi signal quality %, on Windows' scale (0 % at -100 dBm, 100 % at -50 dBm), which is what
 * agents send; derived from dBm when an agent sent only that. Null without a link.
 */
export function wifiPercent(point: Pick<HealthPoint, 'wifi'>): number | null {
  const link = point.wifi;
  if (!link) return null;
  if (link.qualityPercent !== null) return clamp(link.qualityPercent);
  return link.signalDbm === null ? null : clamp(2 * (link.signalDbm + 100));
}

/** A word for the signal: -67 dBm (66 %) is the usual floor for calls, -80 dBm (40 %) for browsing. */
export function signalWord(percent: number): 'good' | 'fair' | 'poor' {
  if (percent >= 66) return 'good';
  if (percent >= 40) return 'fair';
  return 'poor';
}

/** "66 % (-67 dBm), good"; whichever figures the agent sent. */
export function formatWifiSignal(link: WifiLinkSample): string {
  const percent = wifiPercent({ wifi: link });
  const dbm = link.signalDbm === null ? null : `${link.signalDbm} dBm`;
  if (percent === null) return dbm ?? 'unknown';
  const figures = dbm === null ? `${Math.round(percent)} %` : `${Math.round(percent)} % (${dbm})`;
  return `${figures}, ${signalWord(percent)}`;
}

/** What the newest sample that says anything about Wi-Fi says: a link, or null for "not connected". */
export interface LatestWifi {
  at: string;
  link: WifiLinkSample | null;
}

/** The newest sample's Wi-Fi state; undefined when no sample carries it (older agents, wired PCs that could not tell). */
export function latestWifi(health: readonly HealthPoint[]): LatestWifi | undefined {
  let best: { at: number; point: HealthPoint } | undefined;
  for (const point of health) {
    if (point.wifi === undefined) continue;
    const at = Date.parse(point.at);
    if (Number.isNaN(at) || (best && best.at >= at)) continue;
    best = { at, point };
  }
  return best && { at: best.point.at, link: best.point.wifi ?? null };
}

function clamp(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
