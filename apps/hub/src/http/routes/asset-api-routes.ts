import { newId } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { createAssetService } from '../../services/assets/asset-service.js';
import type { AssetAuditHook } from '../../services/assets/audit-hook.js';
import { createGroupService, type GroupService } from '../../services/assets/group-service.js';
import { createSoftwareReport } from '../../services/reports/software-report.js';
import type { FleetQueries } from '../fleet-queries.js';
import type { Route } from '../router.js';
import { assetRoutes } from './asset-routes.js';
import { exportRoutes } from './export-routes.js';
import { groupRoutes } from './group-routes.js';
import { reportRoutes } from './report-routes.js';

export interface AssetApiDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  fleet: FleetQueries;
  audit: AssetAuditHook;
  /** Built once by the caller when others (alert policies) need group membership too. */
  groups?: GroupService;
}

/** Asset records, groups, inventory export and the software report (issue 6). */
export function assetApiRoutes(deps: AssetApiDeps): Route[] {
  const ids = () => newId(deps.clock().getTime());
  const groups = deps.groups ?? createGroupService({ store: deps.store, clock: deps.clock, newId: ids, audit: deps.audit });
  const assets = createAssetService({ store: deps.store, clock: deps.clock, newId: ids, audit: deps.audit });
  return [
    ...assetRoutes(deps.store, assets),
    ...groupRoutes({ store: deps.store, clock: deps.clock, groups, fleet: deps.fleet }),
    ...exportRoutes({ store: deps.store, clock: deps.clock, fleet: deps.fleet, audit: deps.audit, logger: deps.logger.child({ component: 'export' }) }),
    ...reportRoutes(deps.store, deps.clock, createSoftwareReport({ store: deps.store })),
  ];
}
