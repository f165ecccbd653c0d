import { SoftwareListSchema, type SoftwareTopResponse, type SoftwareVersionsResponse } from '@deskside/protocol';
import type { FleetCursor, FleetPageFilter, Store } from '@deskside/store';

export interface SoftwareReportDeps {
  store: Store;
}

const PAGE = 500;
const TOP = 200;
/** Devices listed per version; the count stays exact beyond it. */
const DEVICES_PER_VERSION = 500;

/**
 * Which applications are installed where, computed from the latest inventories (the `software`
 * section), a page of devices at a time. Names match case-insensitively; one device counts once
 * per application (and once per version) even when the product is installed twice (32/64-bit).
 */
export interface SoftwareReport {
  top(filter: FleetPageFilter, limit?: number): Promise<SoftwareTopResponse>;
  versions(name: string, filter: FleetPageFilter): Promise<SoftwareVersionsResponse>;
}

interface Entry {
  name: string;
  version: string | null;
  publisher: string | null;
}

export function createSoftwareReport({ store }: SoftwareReportDeps): SoftwareReport {
  async function eachDevice(filter: FleetPageFilter, visit: (device: { id: string; hostname: string }, software: Entry[]) => void): Promise<void> {
    let after: FleetCursor | null = null;
    for (;;) {
      const page = await store.assets.page(filter, after, PAGE);
      const docs = await store.assets.inventorySections(page.map((r) => r.device.id), ['software']);
      for (const { device } of page) {
        const raw = docs.get(device.id)?.software;
        if (raw === undefined) continue;
        const parsed = SoftwareListSchema.safeParse(raw);
        if (parsed.success) visit({ id: device.id, hostname: device.hostname }, parsed.data);
      }
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) return;
      after = { hostname: last.device.hostname, id: last.device.id };
    }
  }

  return {
    async top(filter, limit = TOP) {
      const apps = new Map<string, { name: string; publisher: string | null; installs: number; versions: Set<string | null> }>();
      await eachDevice(filter, (_device, software) => {
        const seen = new Set<string>();
        for (const entry of software) {
          const key = entry.name.trim().toLowerCase();
          let app = apps.get(key);
          if (!app) apps.set(key, (app = { name: entry.name.trim(), publisher: entry.publisher, installs: 0, versions: new Set() }));
          app.versions.add(entry.version);
          if (!seen.has(key)) {
            seen.add(key);
            app.installs++;
          }
        }
      });
      const applications = [...apps.values()]
        .sort((a, b) => b.installs - a.installs || a.name.localeCompare(b.name))
        .slice(0, Math.max(1, Math.min(limit, 5_000)))
        .map((a) => ({ name: a.name, publisher: a.publisher, installs: a.installs, versions: a.versions.size }));
      return { applications, total: apps.size };
    },

    async versions(name, filter) {
      const key = name.trim().toLowerCase();
      const versions = new Map<string, { version: string | null; count: number; devices: Array<{ id: string; hostname: string }> }>();
      let installs = 0;
      let shownName = name.trim();
      await eachDevice(filter, (device, software) => {
        const mine = software.filter((s) => s.name.trim().toLowerCase() === key);
        if (mine.length === 0) return;
        installs++;
        shownName = mine[0]?.name.trim() ?? shownName;
        for (const version of new Set(mine.map((s) => s.version))) {
          const vkey = version ?? '\u0000none';
          let v = versions.get(vkey);
          if (!v) versions.set(vkey, (v = { version, count: 0, devices: [] }));
          v.count++;
          if (v.devices.length < DEVICES_PER_VERSION) v.devices.push(device);
        }
      });
      return {
        name: shownName,
        installs,
        versions: [...versions.values()].sort((a, b) => compareVersions(b.version, a.version)),
      };
    },
  };
}

/** Newest first: numeric parts compared as numbers ("10.2" after "9.8"), unknown versions last. */
export function compareVersions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const pa = a.split(/[.\-+_ ]/);
  const pb = b.split(/[.\-+_ ]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}
