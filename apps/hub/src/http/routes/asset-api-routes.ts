import type { HubServices } from '../../compose.js';
import type { Route } from '../router.js';
import { assetRoutes } from './asset-routes.js';
import { exportRoutes } from './export-routes.js';
import { groupRoutes } from './group-routes.js';
import { reportRoutes } from './report-routes.js';

/** Asset records, groups, inventory export and the software report (issue 6). */
export function assetApiRoutes(services: Pick<HubServices, 'actors' | 'clock' | 'logger' | 'fleet' | 'fleetViews' | 'assetAudit' | 'groups' | 'assets' | 'softwareReport'>): Route[] {
  const { actors, clock, fleet, fleetViews } = services;
  return [
    ...assetRoutes(actors, services.assets),
    ...groupRoutes({ actors, groups: services.groups, fleet }),
    ...exportRoutes({ clock, fleet: fleetViews, actors, audit: services.assetAudit, logger: services.logger.child({ component: 'export' }) }),
    ...reportRoutes(fleetViews, services.softwareReport),
  ];
}
