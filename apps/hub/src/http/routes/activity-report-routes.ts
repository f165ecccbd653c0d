import type { ServerResponse } from 'node:http';
import { ActivityReportQuerySchema, type ActivityReport, type ActivityReportQuery } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { AuthenticatedUser } from '../../services/auth/session.js';
import { readerActor } from '../../services/assets/actor.js';
import { siteScope } from '../../services/access/site-scope.js';
import { activityCsv } from '../../services/reports/activity-csv.js';
import { loadActivityInput } from '../../services/reports/activity-loader.js';
import { computeActivityReport } from '../../services/reports/activity-report.js';
import { reportPeriod } from '../../services/reports/report-period.js';
import type { ReportSla } from '../../services/reports/sla-decisions.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

export interface ActivityReportRoutesDeps {
  store: Store;
  clock: Clock;
  /** The ticket desk's SLA clock (current settings); absent: no business time, no compliance. */
  sla?: () => Promise<ReportSla>;
  /** Records the CSV download in the audit log. */
  audit?: (actor: { id: string; name: string }, action: string, target: string, details: Record<string, unknown>) => Promise<void>;
}

/**
 * GET /api/v1/reports/activity?from=&to=&tz= (JSON) and /api/v1/reports/activity.csv (sections).
 * The viewer sees the tickets and alerts of their sites only; a CSV download is audited.
 */
export function activityReportRoutes(deps: ActivityReportRoutesDeps): Route[] {
  const build = async (ctx: RouteContext): Promise<{ user: AuthenticatedUser; query: ActivityReportQuery; report: ActivityReport }> => {
    const user = requireUser(ctx);
    const query = parseWith(ActivityReportQuerySchema, queryObject(ctx.query), 'query');
    const input = await loadActivityInput(deps.store, {
      period: reportPeriod(query.from, query.to, query.tz),
      now: deps.clock(),
      siteIds: siteScope(user),
      sla: deps.sla ? await deps.sla() : null,
    });
    return { user, query, report: computeActivityReport(input) };
  };
  return [
    {
      method: 'GET',
      path: '/api/v1/reports/activity',
      permission: 'reports.read',
      async handler(ctx) {
        return { json: (await build(ctx)).report };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/activity.csv',
      permission: 'reports.read',
      async handler(ctx) {
        const { user, query, report } = await build(ctx);
        if (deps.audit) {
          const actor = await readerActor(deps.store, user);
          await deps.audit({ id: actor.userId, name: actor.name }, 'reports.activity.export', 'report:activity.csv', { ...query, opened: report.summary.opened });
        }
        const body = activityCsv(report);
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
