import type { Store } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import type { Route } from '../router.js';

/** GET /healthz (public, for load balancers) and GET /metrics (Prometheus text; a session or an API token with the metrics scope). */
export function opsRoutes(store: Store, metrics: MetricsRegistry, logger: Logger): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      public: true,
      async handler() {
        try {
          await store.ping();
          return { json: { status: 'ok', database: store.dialect } };
        } catch (error) {
          logger.error('health check: database unreachable', { error });
          return {
            status: 503,
            json: { status: 'unavailable', database: store.dialect, error: { code: 'internal', message: 'The database does not answer.' } },
          };
        }
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      permission: 'metrics.read',
      async handler() {
        return { text: await metrics.render(), contentType: metrics.contentType };
      },
    },
  ];
}
