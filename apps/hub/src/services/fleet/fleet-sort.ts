import type { DeviceSort, DeviceSummary } from '@deskside/protocol';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type Key = string | number | null;
const KEYS: { [S in DeviceSort]: (d: DeviceSummary) => Key } = {
  hostname: (d) => d.hostname,
  status: (d) => d.status,
  os: (d) => d.os,
  cpu: (d) => d.cpu,
  ram: (d) => d.ramBytes,
  ip: (d) => d.ip,
  lastSeen: (d) => (d.lastSeen === null ? null : Date.parse(d.lastSeen)),
};

/**
 * Orders a page's devices: by the key (numbers numerically, text with digits in number order),
 * then hostname and id so equal keys keep a stable order across pages. Missing values go last
 * in either direction: "unknown" is not "smallest".
 */
export function sortDevices(devices: DeviceSummary[], sort: DeviceSort, order: 'asc' | 'desc'): DeviceSummary[] {
  const key = KEYS[sort];
  const sign = order === 'asc' ? 1 : -1;
  return devices
    .map((d) => ({ d, k: key(d) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) {
        if (a.k !== b.k) return a.k === null ? 1 : -1;
      } else {
        const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
        if (c !== 0) return sign * c;
      }
      return collator.compare(a.d.hostname, b.d.hostname) || (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0);
    })
    .map((x) => x.d);
}
