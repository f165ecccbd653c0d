import type { HubServices } from '../../compose.js';
import type { Route } from '../router.js';
import { assetRoutes } from './asset-routes.js';
import { exportRoutes } from './export-routes.js';
import { groupRoutes } from './group-routes.js';
import { reportRoutes } from './report-routes.js';

/** Asset records, groups, inventory export and the software report (issue 6). */
export function assetApiRoutes(services: Pick<HubServices, 'store' | 'clock' | 'logger' | 'fleet' | 'assetAudit' | 'groups' | 'assets' | 'softwareReport'>): Route[] {
  const { store, clock, fleet } = services;
  return [
    ...assetRoutes(store, services.assets),
    ...groupRoutes({ store, clock, groups: services.groups, fleet }),
    ...exportRoutes({ store, clock, fleet, audit: services.assetAudit, logger: services.logger.child({ component: 'export' }) }),
    ...reportRoutes(store, clock, services.softwareReport),
  ];
}
