import type { DeviceStatus, DeviceSummary } from '@deskside/protocol';
import type { AssetRecord, DeviceRecord, FleetCursor, FleetPageFilter, Store } from '@deskside/store';

/** Turns a stored device (and its asset fields) into a summary with live status. */
export type PresentDevice = (record: DeviceRecord, asset?: AssetRecord | null) => DeviceSummary;

export interface FleetPageItem {
  summary: DeviceSummary;
  record: DeviceRecord;
}

export const DEFAULT_PAGE_SIZE = 500;

/**
 * The fleet one page at a time (keyset pagination on the store), live status merged in and the
 * status filter applied per page, so a 10,000-device walk holds one page in memory, not the fleet.
 */
export async function* fleetPages(
  store: Store,
  present: PresentDevice,
  filter: FleetPageFilter,
  status: DeviceStatus | undefined,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<FleetPageItem[]> {
  let after: FleetCursor | null = null;
  for (;;) {
    const page = await store.assets.page(filter, after, pageSize);
    const items = page.map(({ device, asset }) => ({ summary: present(device, asset), record: device }));
    const kept = status === undefined ? items : items.filter((i) => i.summary.status === status);
    if (kept.length > 0) yield kept;
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    after = { hostname: last.device.hostname, id: last.device.id };
  }
}

/** How many devices match: one count query, or a walk when the (live) status filters too. */
export async function countFleet(store: Store, present: PresentDevice, filter: FleetPageFilter, status: DeviceStatus | undefined): Promise<number> {
  if (status === undefined) return store.assets.count(filter);
  let n = 0;
  for await (const page of fleetPages(store, present, filter, status, 2_000)) n += page.length;
  return n;
}

/** Every matching summary (the device list answers them all at once). */
export async function listFleet(store: Store, present: PresentDevice, filter: FleetPageFilter, status: DeviceStatus | undefined): Promise<DeviceSummary[]> {
  const out: DeviceSummary[] = [];
  for await (const page of fleetPages(store, present, filter, status, 2_000)) for (const item of page) out.push(item.summary);
  return out;
}
