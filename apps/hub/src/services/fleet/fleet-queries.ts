import type { DeviceDetail, DeviceListQuery, DeviceStatus, DeviceSummary, HealthPoint } from '@deskside/protocol';
import type { AssetRecord, DeviceRecord, FleetPageFilter, Store } from '@deskside/store';
import { toDeviceAsset } from '../assets/device-asset.js';
import { resolveFleetFilter } from '../assets/fleet-filter.js';
import { listFleet } from '../assets/fleet-pages.js';
import { deviceHistoryView } from '../inventory-history/device-history-view.js';
import { toDeviceSummary } from './device-summary.js';
import { downsampleHealth } from './health-series.js';
import { sortDevices } from './fleet-sort.js';
import { devicesContaining, type DeviceIndex } from '../search/device-index.js';

/** Reads over the fleet, with live presence merged in. Same shape as the HTTP layer's `FleetQueries`. */
export interface FleetQueryService {
  list(filter: DeviceListQuery & { siteIds?: string[] }): Promise<DeviceSummary[]>;
  /** One page of the list (`limit`, `offset`, `sort`, `order`) and how many match in all. */
  page(filter: DeviceListQuery & { siteIds?: string[] }): Promise<{ devices: DeviceSummary[]; total: number }>;
  detail(id: string): Promise<DeviceDetail | undefined>;
  /** Summaries of the given devices; unknown and revoked ids are left out (the feed reports them removed). */
  summaries(ids: readonly string[]): Promise<DeviceSummary[]>;
  /** A stored device as a summary with live status (and its asset fields when it has any). */
  present(record: DeviceRecord, asset?: AssetRecord | null): DeviceSummary;
}

/** What the device routes ask of the fleet (the detail enriched with alerts by `withDeviceAlerts`). */
export type FleetQueries = Pick<FleetQueryService, 'list' | 'page' | 'detail' | 'present'>;

/** Where live presence comes from: the in-memory tracker at runtime. */
export interface LivePresence {
  status(deviceId: string): DeviceStatus | undefined;
  lastSeen(deviceId: string): Date | null | undefined;
}

export interface FleetQueryDeps {
  store: Store;
  presence: LivePresence;
  clock: () => Date;
  /** The search's in-memory device index: answers `q` on a large fleet (see {@link INDEX_FROM}). */
  index?: DeviceIndex;
}

/**
 * From this many devices on, the list's `q` is answered from the device index (refreshed every
 * few seconds) rather than by scanning every stored inventory document, which takes seconds at
 * 10,000 PCs. Smaller fleets keep the exact, always-current scan.
 */
export const INDEX_FROM = 2_000;
/** How long one walk of the fleet answers further pages of the same filter (live status may lag this much). */
const WALK_REUSE_MS = 5_000;
/** Above this many matches the ids do not go to SQL as a list (engines cap bound parameters). */
const MAX_ID_LIST = 20_000;

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

export function createFleetQueries({ store, presence, clock, index }: FleetQueryDeps): FleetQueryService {
  const present = (record: DeviceRecord, asset?: AssetRecord | null): DeviceSummary => {
    const lastSeen = presence.lastSeen(record.id);
    const live = lastSeen === undefined ? record : { ...record, lastSeenAt: lastSeen };
    const summary = toDeviceSummary(live, presence.status(record.id) ?? record.lastStatus ?? 'unreachable');
    return asset ? { ...summary, asset: toDeviceAsset(asset) } : summary;
  };

  let walked: { key: string; at: number; all: DeviceSummary[] } | null = null;

  /** The store's filter; on a large fleet the text terms become the index's matching ids. */
  const resolve = async (query: DeviceListQuery & { siteIds?: string[] }): Promise<FleetPageFilter> => {
    const filter = await resolveFleetFilter(store, query, clock());
    if (index === undefined || filter.q === undefined) return filter;
    const snapshot = await index.snapshot();
    if (snapshot.devices.size < INDEX_FROM) return filter;
    const terms = typeof filter.q === 'string' ? [filter.q] : [...filter.q];
    const hits = terms.map((term) => devicesContaining(snapshot, term));
    const [first, ...others] = hits;
    if (first === undefined) return filter;
    const wanted = new Set([...first].filter((id) => others.every((h) => h.has(id))));
    if (wanted.size > MAX_ID_LIST) return filter;
    const narrowed: FleetPageFilter = { ...filter, deviceIds: filter.deviceIds === undefined ? [...wanted] : filter.deviceIds.filter((id) => wanted.has(id)) };
    delete narrowed.q;
    return narrowed;
  };

  return {
    async list(filter) {
      // Keyset pages over devices ⟕ device_assets: the asset filters (group, warranty, not seen) apply in SQL.
      return listFleet(store, present, await resolve(filter), filter.status);
    },

    async page(filter) {
      const sort = filter.sort ?? 'hostname';
      const order = filter.order ?? (sort === 'lastSeen' ? 'desc' : 'asc');
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 100;
      const resolved = await resolve(filter);
      if (sort === 'hostname' && order === 'asc' && filter.status === undefined) {
        // The store's own order: the page and the count in SQL, no walk of the fleet.
        const [rows, total] = await Promise.all([store.assets.page(resolved, null, limit, offset), store.assets.count(resolved)]);
        return { devices: rows.map(({ device, asset }) => present(device, asset)), total };
      }
      // Other orders and the live status filter need every match: one walk, reused for a few
      // seconds so paging and re-sorting do not walk 10,000 devices again.
      const key = JSON.stringify([resolved, filter.status ?? null]);
      const at = clock().getTime();
      if (walked === null || walked.key !== key || at - walked.at > WALK_REUSE_MS) {
        walked = { key, at, all: await listFleet(store, present, resolved, filter.status) };
      }
      const sorted = sortDevices(walked.all, sort, order);
      return { devices: sorted.slice(offset, offset + limit), total: walked.all.length };
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
