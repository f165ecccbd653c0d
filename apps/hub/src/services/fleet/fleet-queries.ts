import type { DeviceDetail, DeviceListQuery, DeviceStatus, DeviceSummary, HealthPoint } from '@deskside/protocol';
import type { AssetRecord, DeviceRecord, Store } from '@deskside/store';
import { toDeviceAsset } from '../assets/device-asset.js';
import { resolveFleetFilter } from '../assets/fleet-filter.js';
import { listFleet } from '../assets/fleet-pages.js';
import { deviceHistoryView } from '../inventory-history/device-history-view.js';
import { toDeviceSummary } from './device-summary.js';
import { downsampleHealth } from './health-series.js';

/** Reads over the fleet, with live presence merged in. Same shape as the HTTP layer's `FleetQueries`. */
export interface FleetQueryService {
  list(filter: DeviceListQuery & { siteIds?: string[] }): Promise<DeviceSummary[]>;
  detail(id: string): Promise<DeviceDetail | undefined>;
  /** Summaries of the given devices; unknown and revoked ids are left out (the feed reports them removed). */
  summaries(ids: readonly string[]): Promise<DeviceSummary[]>;
  /** A stored device as a summary with live status (and its asset fields when it has any). */
  present(record: DeviceRecord, asset?: AssetRecord | null): DeviceSummary;
}

/** What the device routes ask of the fleet (the detail enriched with alerts by `withDeviceAlerts`). */
export type FleetQueries = Pick<FleetQueryService, 'list' | 'detail' | 'present'>;

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
/** Points in the detail's health series: more samples than this are averaged into time buckets. */
export const HEALTH_MAX_POINTS = 500;
/**
 * Samples read for that series: 24 h at one every 5 s (30 s is the default heartbeat). A device
 * beating faster gets its newest samples, so its series covers less than the day.
 */
const HEALTH_READ_LIMIT = HEALTH_WINDOW_MS / 5000;
/** Above this many ids, one scan of the table beats one lookup per device. */
const SCAN_THRESHOLD = 200;

export function createFleetQueries({ store, presence, clock }: FleetQueryDeps): FleetQueryService {
  const present = (record: DeviceRecord, asset?: AssetRecord | null): DeviceSummary => {
    const lastSeen = presence.lastSeen(record.id);
    const live = lastSeen === undefined ? record : { ...record, lastSeenAt: lastSeen };
    const summary = toDeviceSummary(live, presence.status(record.id) ?? record.lastStatus ?? 'unreachable');
    return asset ? { ...summary, asset: toDeviceAsset(asset) } : summary;
  };

  return {
    async list(filter) {
      // Keyset pages over devices ⟕ device_assets: the asset filters (group, warranty, not seen) apply in SQL.
      return listFleet(store, present, await resolveFleetFilter(store, filter, clock()), filter.status);
    },

    async detail(id) {
      const record = await store.devices.findById(id);
      if (!record) return undefined;
      const now = clock();
      const [inventory, samples] = await Promise.all([
        store.inventory.get(id),
        store.health.recent(id, new Date(now.getTime() - HEALTH_WINDOW_MS), HEALTH_READ_LIMIT),
      ]);
      const points: HealthPoint[] = samples
        .map((s) => ({ ...s.metrics, at: s.at.toISOString() }))
        .sort((a, b) => a.at.localeCompare(b.at));
      // The whole day, evenly: the newest 500 samples alone were only the last ~4 h at 30 s heartbeats.
      const health = downsampleHealth(points, HEALTH_WINDOW_MS, HEALTH_MAX_POINTS);
      return {
        ...present(record, await store.assets.get(id)),
        machineId: record.machineId,
        inventory: inventory?.document ?? null,
        inventoryHash: record.inventoryHash,
        inventoryUpdatedAt: record.inventoryUpdatedAt ? record.inventoryUpdatedAt.toISOString() : null,
        health,
        ...(await deviceHistoryView(store, id)),
      };
    },

    async summaries(ids) {
      if (ids.length === 0) return [];
      let records: DeviceRecord[];
      if (ids.length > SCAN_THRESHOLD) {
        const wanted = new Set(ids);
        records = (await store.devices.list()).filter((r) => wanted.has(r.id));
      } else {
        const found = await Promise.all(ids.map((id) => store.devices.findById(id)));
        records = found.filter((r): r is DeviceRecord => r !== undefined && r.revokedAt === null);
      }
      const assets = await store.assets.getMany(records.map((r) => r.id));
      return records.map((r) => present(r, assets.get(r.id)));
    },

    present,
  };
}
