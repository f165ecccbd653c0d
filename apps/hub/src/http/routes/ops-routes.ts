import type { DatabaseProbe } from '../../services/ops/database-probe.js';
import type { Logger } from '../../log/logger.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import type { Route } from '../router.js';

/** GET /healthz (public, for load balancers) and GET /metrics (Prometheus text; a session or an API token with the metrics scope). */
export function opsRoutes(database: DatabaseProbe, metrics: MetricsRegistry, logger: Logger): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      public: true,
      async handler() {
        try {
          await database.ping();
          return { json: { status: 'ok', database: database.dialect } };
        } catch (error) {
          const reason = unreachableReason(error);
          logger.error('health check: database unreachable', { reason });
          return {
            status: 503,
            json: { status: 'unavailable', database: database.dialect, error: { code: 'internal', message: `The database does not answer: ${reason}` } },
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

/**
 * Why the database did not answer, for operators and load balancers: the driver's first line
 * (e.g. "connect ECONNREFUSED 10.0.0.5:5432", "timeout exceeded when trying to connect"),
 * bounded, with anything URL-like masked (a URL may carry a password).
 */
export function unreachableReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '').replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').trim();
  return line === '' ? 'no answer' : line.slice(0, 200);
}
