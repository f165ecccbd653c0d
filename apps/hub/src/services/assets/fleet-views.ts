import type { DeviceStatus } from '@deskside/protocol';
import type { FleetPageFilter, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { ExportSource } from '../export/export-source.js';
import { resolveFleetFilter, type FleetQuery } from './fleet-filter.js';
import { countFleet, type PresentDevice } from './fleet-pages.js';

/** An export about to be streamed: how many devices it holds, and where its pages come from. */
export interface ExportPlan {
  total: number;
  source: ExportSource;
}

/**
 * The fleet as reports and exports select it: a query (the caller's sites included) becomes the
 * store's filter once, then feeds the software report or an export.
 */
export interface FleetViews {
  /** The query as a fleet filter: the named group ANDed in, day counts relative to now; an unknown group is `not_found`. */
  filter(query: FleetQuery): Promise<FleetPageFilter>;
  /** The devices an export of this query streams, counted first (the live status filter included). */
  exportPlan(query: FleetQuery): Promise<ExportPlan>;
}

export interface FleetViewsDeps {
  store: Store;
  clock: Clock;
  present: PresentDevice;
}

export function createFleetViews({ store, clock, present }: FleetViewsDeps): FleetViews {
  const filter = (query: FleetQuery) => resolveFleetFilter(store, query, clock());
  return {
    filter,
    async exportPlan(query) {
      const resolved = await filter(query);
      const status: DeviceStatus | undefined = query.status;
      const total = await countFleet(store, present, resolved, status);
      return { total, source: { store, present, filter: resolved, status } };
    },
  };
}
