import type { ServerResponse } from 'node:http';
import { ActivityReportQuerySchema } from '@deskside/protocol';
import type { ActivityReports } from '../../services/reports/activity-reports.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/**
 * GET /api/v1/reports/activity?from=&to=&tz= (JSON) and /api/v1/reports/activity.csv (sections).
 * The viewer sees the tickets and alerts of their sites only; a CSV download is audited.
 */
export function activityReportRoutes(reports: ActivityReports): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/reports/activity',
      permission: 'reports.read',
      async handler(ctx) {
        const query = parseWith(ActivityReportQuerySchema, queryObject(ctx.query), 'query');
        return { json: await reports.report(requireUser(ctx), query) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/activity.csv',
      permission: 'reports.read',
      async handler(ctx) {
        const query = parseWith(ActivityReportQuerySchema, queryObject(ctx.query), 'query');
        const body = await reports.csv(requireUser(ctx), query);
        return {
          stream: async (res: ServerResponse) => {
            res.statusCode = 200;
            res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
            res.setHeader('Content-Disposition', `attachment; filename="deskside-activity-${query.from}-to-${query.to}.csv"`);
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          },
        };
      },
    },
  ];
}
