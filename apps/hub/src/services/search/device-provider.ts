import type { SearchResult } from '@deskside/protocol';
import type { DeviceEntry, DeviceIndex } from './device-index.js';
import { bestOf, matchScore, normalizeMac } from './score.js';
import type { SearchProvider } from './search-provider.js';

/** Field weights: a hostname hit outranks a serial, which outranks a logged-in user name. */
const FIELDS: readonly { name: string; weight: number; values: (d: DeviceEntry) => readonly string[] }[] = [
  { name: 'hostname', weight: 1.0, values: (d) => [d.hostname] },
  { name: 'serial', weight: 0.95, values: (d) => (d.serial ? [d.serial] : []) },
  { name: 'asset tag', weight: 0.95, values: (d) => (d.assetTag ? [d.assetTag] : []) },
  { name: 'IP', weight: 0.9, values: (d) => [...new Set([...(d.ip ? [d.ip] : []), ...d.ips])] },
  { name: 'user', weight: 0.85, values: (d) => [...d.users, ...(d.assignedTo ? [d.assignedTo] : [])] },
  { name: 'model', weight: 0.6, values: (d) => [d.vendor && d.model ? `${d.vendor} ${d.model}` : (d.model ?? '')].filter(Boolean) },
  { name: 'OS', weight: 0.5, values: (d) => (d.os ? [d.os] : []) },
];

/** Devices by hostname, serial, asset tag, IP, MAC, user, model or OS, site-scoped. */
export function deviceProvider(index: DeviceIndex): SearchProvider {
  return {
    kind: 'device',
    permission: 'devices.read',
    async search({ q, siteIds, limit }) {
      const mac = normalizeMac(q);
      const macQuery = (mac.length >= 4 && /[:-]/.test(q)) || mac.length === 12 ? mac : null;
      const hits: SearchResult[] = [];
      for (const d of (await index.snapshot()).devices.values()) {
        if (siteIds !== undefined && !siteIds.includes(d.siteId)) continue;
        let best: { score: number; field: string; value: string } | null = null;
        for (const f of FIELDS) {
          const m = bestOf(f.values(d), q);
          if (m && (best === null || m.score * f.weight > best.score)) best = { score: m.score * f.weight, field: f.name, value: m.value };
        }
        if (macQuery !== null) {
          const m = d.macs.find((x) => normalizeMac(x).includes(macQuery));
          if (m !== undefined) {
            const score = matchScore(normalizeMac(m), macQuery) * 0.95;
            if (best === null || score > best.score) best = { score, field: 'MAC', value: m };
          }
        }
        if (best === null) continue;
        const what = [d.vendor && d.model ? `${d.vendor} ${d.model}` : d.model, d.os].filter(Boolean).join(' · ');
        hits.push({
          kind: 'device',
          id: d.id,
          title: d.hostname,
          subtitle: best.field === 'hostname' ? what || undefined : `${best.field}: ${best.value}${what ? ` — ${what}` : ''}`,
          matched: best.field,
          href: `/devices/${encodeURIComponent(d.id)}`,
          score: best.score,
        });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

/** Applications by name, with how many visible devices have them; opens the software report. */
export function softwareProvider(index: DeviceIndex): SearchProvider {
  return {
    kind: 'software',
    permission: 'reports.read',
    async search({ q, siteIds, limit }) {
      const snapshot = await index.snapshot();
      // Names match once each (a few thousand distinct); counts are per visible device when scoped.
      const apps = new Map<string, { name: string; devices: number; score: number }>();
      for (const [name, count] of snapshot.software) {
        const score = matchScore(name, q);
        if (score > 0) apps.set(name, { name, devices: siteIds === undefined ? count : 0, score: score * 0.7 });
      }
      if (siteIds !== undefined && apps.size > 0) {
        for (const d of snapshot.devices.values()) {
          if (!siteIds.includes(d.siteId)) continue;
          for (const name of d.software) {
            const app = apps.get(name);
            if (app) app.devices += 1;
          }
        }
        for (const [name, app] of apps) if (app.devices === 0) apps.delete(name);
      }
      return [...apps.values()]
        .sort((a, b) => b.score - a.score || b.devices - a.devices)
        .slice(0, limit)
        .map((a) => ({
          kind: 'software' as const,
          id: a.name,
          title: a.name,
          subtitle: `installed on ${a.devices} device${a.devices === 1 ? '' : 's'}`,
          href: `/reports/software?app=${encodeURIComponent(a.name)}`,
          score: a.score,
        }));
    },
  };
}
