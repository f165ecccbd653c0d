import { SoftwareReportQuerySchema } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { siteScope } from '../../services/access/site-scope.js';
import { resolveFleetFilter } from '../../services/assets/fleet-filter.js';
import type { SoftwareReport } from '../../services/reports/software-report.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/** GET /api/v1/reports/software (top applications) and ?name= (versions of one, and where). */
export function reportRoutes(store: Store, clock: Clock, software: SoftwareReport): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/reports/software',
      permission: 'reports.read',
      async handler(ctx) {
        const user = requireUser(ctx);
        const query = parseWith(SoftwareReportQuerySchema, queryObject(ctx.query), 'query');
        const scope = siteScope(user);
        const filter = await resolveFleetFilter(store, scope ? { siteIds: scope } : {}, clock());
        return { json: query.name === undefined ? await software.top(filter, query.limit) : await software.versions(query.name, filter) };
      },
    },
  ];
}
