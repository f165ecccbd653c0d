import type { Store } from '@deskside/store';
import type { Alerting } from '../../services/alerts/create-alerting.js';
import type { Route } from '../router.js';
import { alertRoutes } from './alert-routes.js';
import { policyRoutes } from './policy-routes.js';

/** Alerts, maintenance windows and health policies (issue 4). */
export function alertingRoutes(store: Store, alerting: Alerting): Route[] {
  return [
    ...alertRoutes({ store, alerts: alerting.alerts }),
    ...policyRoutes({ store, policies: alerting.policies, ...(alerting.groupExists ? { groupExists: alerting.groupExists } : {}) }),
  ];
}
