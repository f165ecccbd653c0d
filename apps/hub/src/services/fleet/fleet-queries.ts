import type { DeviceDetail, DeviceListQuery, DeviceStatus, DeviceSummary, HealthPoint } from '@deskside/protocol';
import type { DeviceRecord, Store } from '@deskside/store';
import { toDeviceSummary } from './device-summary.js';

/** Reads over the fleet, with live presence merged in. Same shape as the HTTP layer's `FleetQueries`. */
export interface FleetQueryService {
  list(filter: DeviceListQuery & { siteIds?: string[] }): Promise<DeviceSummary[]>;
  detail(id: string): Promise<DeviceDetail | undefined>;
  /** Summaries of the given devices; unknown and revoked ids are left out (the feed reports them removed). */
  summaries(ids: readonly string[]): Promise<DeviceSummary[]>;
}

/** Where live presence comes from: the in-memory tracker at runtime. */
export interface LivePresence {
  status(deviceId: string): DeviceStatus | undefined;
  lastSeen(deviceId: string): Date | null | undefined;
}

export interface FleetQueryDeps {
  store: Store;
  presence: LivePresence;
  clock: () => Date;
}

const HEALTH_WINDOW_MS = 24 * 3600 * 1000;
const HEALTH_MAX_POINTS = 500;
/** Above this many ids, one scan of the table beats one lookup per device. */
const SCAN_THRESHOLD = 200;

export function createFleetQueries({ store, presence, clock }: FleetQueryDeps): FleetQueryService {
  const present = (record: DeviceRecord): DeviceSummary => {
    const lastSeen = presence.lastSeen(record.id);
    const live = lastSeen === undefined ? record : { ...record, lastSeenAt: lastSeen };
    return toDeviceSummary(live, presence.status(record.id) ?? record.lastStatus ?? 'unreachable');
  };

  return {
    async list(filter) {
      const records = await store.devices.list({
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.siteIds ? { siteIds: filter.siteIds } : {}),
      });
      const rows = records.map(present);
      return filter.status ? rows.filter((d) => d.status === filter.status) : rows;
    },

    async detail(id) {
      const record = await store.devices.findById(id);
      if (!record) return undefined;
      const now = clock();
      const [inventory, samples] = await Promise.all([
        store.inventory.get(id),
        store.health.recent(id, new Date(now.getTime() - HEALTH_WINDOW_MS), HEALTH_MAX_POINTS),
      ]);
      const health: HealthPoint[] = samples
        .map((s) => ({ ...s.metrics, at: s.at.toISOString() }))
        .sort((a, b) => a.at.localeCompare(b.at));
      return {
        ...present(record),
        machineId: record.machineId,
        inventory: inventory?.document ?? null,
        inventoryHash: record.inventoryHash,
        inventoryUpdatedAt: record.inventoryUpdatedAt ? record.inventoryUpdatedAt.toISOString() : null,
        health,
      };
    },

    async summaries(ids) {
      if (ids.length === 0) return [];
      if (ids.length > SCAN_THRESHOLD) {
        const wanted = new Set(ids);
        const all = await store.devices.list();
        return all.filter((r) => wanted.has(r.id)).map(present);
      }
      const records = await Promise.all(ids.map((id) => store.devices.findById(id)));
      return records.filter((r): r is DeviceRecord => r !== undefined && r.revokedAt === null).map(present);
    },
  };
}
