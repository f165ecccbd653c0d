import { SoftwareReportQuerySchema } from '@deskside/protocol';
import { siteScope } from '../../services/access/site-scope.js';
import type { FleetViews } from '../../services/assets/fleet-views.js';
import type { SoftwareReport } from '../../services/reports/software-report.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/** GET /api/v1/reports/software (top applications) and ?name= (versions of one, and where). */
export function reportRoutes(fleet: FleetViews, software: SoftwareReport): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/reports/software',
      permission: 'reports.read',
      async handler(ctx) {
        const user = requireUser(ctx);
        const query = parseWith(SoftwareReportQuerySchema, queryObject(ctx.query), 'query');
        const scope = siteScope(user);
        const filter = await fleet.filter(scope ? { siteIds: scope } : {});
        return { json: query.name === undefined ? await software.top(filter, query.limit) : await software.versions(query.name, filter) };
      },
    },
  ];
}
