import type { AssetListFilter, DeviceStatus, GroupFilter } from '@deskside/protocol';
import type { FleetPageFilter, Store } from '@deskside/store';
import { ServiceError } from '../service-error.js';

/** A fleet query as the device list, groups and exports take it. */
export interface FleetQuery extends AssetListFilter {
  q?: string;
  status?: DeviceStatus;
  /** Sites the caller may see (undefined: all). */
  siteIds?: readonly string[];
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC (asset dates are calendar dates, compared in UTC). */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Turns the fleet query into the store's filter: loads the named group and ANDs its saved filter
 * in, turns day counts into dates relative to `now`. An unknown group is `not_found`.
 */
export async function resolveFleetFilter(store: Store, query: FleetQuery, now: Date): Promise<FleetPageFilter> {
  const filter: FleetPageFilter = {};
  const terms: string[] = [];
  if (query.q !== undefined && query.q.trim() !== '') terms.push(query.q.trim());
  if (query.siteIds !== undefined) filter.siteIds = query.siteIds;
  if (query.lifecycle !== undefined) filter.lifecycle = query.lifecycle;
  if (query.warrantyWithinDays !== undefined) {
    filter.warrantyFrom = utcDate(now);
    filter.warrantyTo = utcDate(new Date(now.getTime() + query.warrantyWithinDays * DAY_MS));
  }
  if (query.notSeenForDays !== undefined) filter.notSeenSince = new Date(now.getTime() - query.notSeenForDays * DAY_MS);
  if (query.group !== undefined) {
    const group = await store.groups.findById(query.group);
    if (!group) throw new ServiceError('not_found', 'No such group.');
    applyGroupFilter(filter, terms, group.filter);
  }
  if (terms.length > 0) filter.q = terms;
  return filter;
}

/** ANDs a group's saved filter into `filter`; a contradiction (two lifecycles) matches nothing. */
export function applyGroupFilter(filter: FleetPageFilter, terms: string[], saved: GroupFilter): void {
  if (saved.q !== undefined && saved.q !== '') terms.push(saved.q);
  if (saved.department !== undefined) filter.department = saved.department;
  if (saved.location !== undefined) filter.location = saved.location;
  if (saved.lifecycle !== undefined) {
    if (filter.lifecycle !== undefined && filter.lifecycle !== saved.lifecycle) filter.deviceIds = [];
    filter.lifecycle = saved.lifecycle;
  }
  if (saved.siteId !== undefined) {
    const scoped = filter.siteIds === undefined || filter.siteIds.includes(saved.siteId);
    filter.siteIds = scoped ? [saved.siteId] : [];
  }
}
