import type { FleetCursor, Store } from '@deskside/store';

/** What the global search knows about one device: the fields technicians type into a search box. */
export interface DeviceEntry {
  id: string;
  siteId: string;
  hostname: string;
  ip: string | null;
  os: string | null;
  cpu: string | null;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  assetTag: string | null;
  assignedTo: string | null;
  macs: string[];
  ips: string[];
  /** Logged-in and local account names. */
  users: string[];
  /** Installed application names, as reported. */
  software: string[];
  /** The inventory this entry was read from (ms), to re-read only what changed. */
  stamp: number;
}

/** The index at one moment: every non-revoked device, and each application name's device count. */
export interface IndexSnapshot {
  devices: ReadonlyMap<string, DeviceEntry>;
  software: ReadonlyMap<string, number>;
}

export interface DeviceIndex {
  /** The latest complete snapshot; refreshed from the store when older than the refresh interval. */
  snapshot(): Promise<IndexSnapshot>;
}

const PAGE = 500;
const SECTIONS = ['system', 'network', 'users', 'software'] as const;

/**
 * An in-memory index of the fleet's searchable fields, so a search over 10,000 PCs is a scan of a
 * few MB of strings instead of 10,000 JSON documents. The first search builds it; afterwards it is
 * refreshed in the background at most every `refreshMs` (reading only devices whose inventory
 * changed), and searches answer from the last complete index meanwhile.
 */
export function createDeviceIndex(store: Store, now: () => number, refreshMs = 10_000): DeviceIndex {
  let index = new Map<string, DeviceEntry>();
  let current: IndexSnapshot = { devices: index, software: new Map() };
  let builtAt = -Infinity;
  let running: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const next = new Map<string, DeviceEntry>();
    let after: FleetCursor | null = null;
    for (;;) {
      const page = await store.assets.page({}, after, PAGE);
      const stale: string[] = [];
      for (const { device, asset } of page) {
        const stamp = device.inventoryUpdatedAt?.getTime() ?? 0;
        const old = index.get(device.id);
        const base: DeviceEntry = old && old.stamp === stamp ? { ...old } : { ...emptyEntry(device.id), stamp };
        if (!(old && old.stamp === stamp)) stale.push(device.id);
        base.siteId = device.siteId;
        base.hostname = device.hostname;
        base.ip = device.ip;
        base.os = device.os;
        base.cpu = device.cpu;
        base.assetTag = asset?.assetTag ?? null;
        base.assignedTo = asset?.assignedTo ?? null;
        next.set(device.id, base);
      }
      if (stale.length > 0) {
        const docs = await store.assets.inventorySections(stale, SECTIONS);
        for (const id of stale) {
          const entry = next.get(id);
          const doc = docs.get(id);
          if (entry && doc) Object.assign(entry, readSections(doc));
        }
      }
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) break;
      after = { hostname: last.device.hostname, id: last.device.id };
    }
    const software = new Map<string, number>();
    for (const entry of next.values()) for (const name of entry.software) software.set(name, (software.get(name) ?? 0) + 1);
    index = next;
    current = { devices: next, software };
    builtAt = now();
  }

  function startRefresh(): Promise<void> {
    running ??= refresh().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    async snapshot() {
      if (builtAt === -Infinity) await startRefresh();
      else if (now() - builtAt > refreshMs) void startRefresh().catch(() => undefined);
      return current;
    },
  };
}

function emptyEntry(id: string): DeviceEntry {
  return { id, siteId: '', hostname: '', ip: null, os: null, cpu: null, vendor: null, model: null, serial: null, assetTag: null, assignedTo: null, macs: [], ips: [], users: [], software: [], stamp: 0 };
}

/** The searchable fields of the stored sections, read defensively (they are not validated here). */
export function readSections(doc: Partial<Record<(typeof SECTIONS)[number], unknown>>): Pick<DeviceEntry, 'vendor' | 'model' | 'serial' | 'macs' | 'ips' | 'users' | 'software'> {
  const system = record(doc.system);
  const network = record(doc.network);
  const users = record(doc.users);
  const adapters = array(network?.['adapters']).map(record);
  return {
    vendor: str(system?.['manufacturer']),
    model: str(system?.['model']),
    serial: str(system?.['serial']),
    macs: adapters.map((a) => str(a?.['mac'])).filter((m): m is string => m !== null && m !== '' && m !== '00:00:00:00:00:00'),
    ips: adapters.flatMap((a) => array(a?.['ipv4']).map(str)).filter((ip): ip is string => ip !== null),
    users: [...new Set([...array(users?.['loggedIn']), ...array(users?.['local'])].map((u) => str(record(u)?.['name'])).filter((n): n is string => n !== null))],
    software: [...new Set(array(doc.software).map((s) => str(record(s)?.['name'])).filter((n): n is string => n !== null))],
  };
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The devices whose hostname, OS, CPU, IP, assigned user, model, serial, account names or
 * installed software contain `term` (case-insensitive): the fleet list's `q`, answered from this
 * index instead of a scan of every stored inventory document (seconds at 10,000 PCs). Software is
 * matched once per distinct name, then looked up per device.
 */
export function devicesContaining(snapshot: IndexSnapshot, term: string): Set<string> {
  const q = term.toLowerCase();
  const has = (v: string | null) => v !== null && v.toLowerCase().includes(q);
  const apps = new Set<string>();
  for (const name of snapshot.software.keys()) if (name.toLowerCase().includes(q)) apps.add(name);
  const out = new Set<string>();
  for (const d of snapshot.devices.values()) {
    if (
      has(d.hostname) || has(d.os) || has(d.cpu) || has(d.ip) || has(d.assignedTo) || has(d.model) || has(d.serial) ||
      d.users.some(has) || (apps.size > 0 && d.software.some((n) => apps.has(n)))
    ) out.add(d.id);
  }
  return out;
}
