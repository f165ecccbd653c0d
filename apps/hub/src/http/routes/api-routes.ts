import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { HubConfig } from '../../config.js';
import type { Logger } from '../../log/logger.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import { createAttemptLimiter } from '../../services/auth/attempt-limiter.js';
import type { AuthService } from '../../services/auth/auth-service.js';
import type { FleetQueries } from '../fleet-queries.js';
import type { Route } from '../router.js';
import { assetApiRoutes } from './asset-api-routes.js';
import { noAudit } from '../../services/assets/audit-hook.js';
import { authRoutes } from './auth-routes.js';
import { deviceRoutes } from './device-routes.js';
import { enrollRoute } from './enroll-route.js';
import { opsRoutes } from './ops-routes.js';

export interface ApiRoutesDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: MetricsRegistry;
  config: HubConfig;
  auth: AuthService;
  fleet: FleetQueries;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Every HTTP API route of the hub. */
export function apiRoutes(deps: ApiRoutesDeps): Route[] {
  const limiter = (maxFailures: number) => createAttemptLimiter({ clock: deps.clock, maxFailures, windowMs: FIFTEEN_MINUTES });
  return [
    ...authRoutes(deps.auth, limiter(10)),
    enrollRoute({ store: deps.store, clock: deps.clock, logger: deps.logger.child({ component: 'enrollment' }), config: deps.config }, limiter(30)),
    // noAudit until the audit service is wired here; then: (e) => audit.record({ id: e.actorId, name: e.actorName }, e.action, e.target, e.details)
    ...assetApiRoutes({ store: deps.store, clock: deps.clock, logger: deps.logger, fleet: deps.fleet, audit: noAudit }),
    ...deviceRoutes(deps.fleet),
    ...opsRoutes(deps.store, deps.metrics, deps.logger),
  ];
}
