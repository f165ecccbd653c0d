import type { ActivityReport, ActivityReportQuery } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Actors } from '../access/actor.js';
import { siteScope } from '../access/site-scope.js';
import type { AuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { activityCsv } from './activity-csv.js';
import { loadActivityInput } from './activity-loader.js';
import { computeActivityReport } from './activity-report.js';
import { reportPeriod } from './report-period.js';
import type { ReportSla } from './sla-decisions.js';

export interface ActivityReportsDeps {
  store: Store;
  clock: Clock;
  actors: Actors;
  /** The ticket desk's SLA clock (current settings); absent: no business time, no compliance. */
  sla?: () => Promise<ReportSla>;
  /** Records CSV downloads; absent: not audited. */
  audit?: Pick<AuditService, 'record'>;
}

/** The activity report of a period, over the tickets and alerts of the viewer's sites. */
export interface ActivityReports {
  report(user: AuthenticatedUser, query: ActivityReportQuery): Promise<ActivityReport>;
  /** The report as CSV sections; the download is audited (who, which period, how many tickets opened). */
  csv(user: AuthenticatedUser, query: ActivityReportQuery): Promise<string>;
}

export function createActivityReports(deps: ActivityReportsDeps): ActivityReports {
  const report = async (user: AuthenticatedUser, query: ActivityReportQuery): Promise<ActivityReport> => {
    const input = await loadActivityInput(deps.store, {
      period: reportPeriod(query.from, query.to, query.tz),
      now: deps.clock(),
      siteIds: siteScope(user),
      sla: deps.sla ? await deps.sla() : null,
    });
    return computeActivityReport(input);
  };
  return {
    report,
    async csv(user, query) {
      const computed = await report(user, query);
      if (deps.audit) {
        const actor = await deps.actors.reader(user);
        await deps.audit.record({ id: actor.userId, name: actor.name }, 'reports.activity.export', 'report:activity.csv', { ...query, opened: computed.summary.opened });
      }
      return activityCsv(computed);
    },
  };
}
