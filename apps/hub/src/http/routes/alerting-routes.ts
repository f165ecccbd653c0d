import type { HubServices } from '../../compose.js';
import type { Alerting } from '../../services/alerts/create-alerting.js';
import { groupsFor } from '../../services/assets/group-scope.js';
import type { Route } from '../router.js';
import { alertRoutes } from './alert-routes.js';
import { policyRoutes } from './policy-routes.js';

/** Alerts, maintenance windows and health policies (issue 4). */
export function alertingRoutes(services: Pick<HubServices, 'actors' | 'deviceViews' | 'groups'>, alerting: Alerting): Route[] {
  const { actors, groups } = services;
  return [
    ...alertRoutes({ actors, devices: services.deviceViews, alerts: alerting.alerts }),
    ...policyRoutes({
      actors,
      policies: alerting.policies,
      ...(alerting.groupExists ? { visibleGroup: (user, id) => groupsFor(groups, user).get(id) } : {}),
    }),
  ];
}
