import type { Store } from '@deskside/store';
import type { ActivityInput } from './activity-report.js';
import type { ReportPeriod } from './report-period.js';
import type { ReportSla } from './sla-decisions.js';

/** At most this many tickets feed one report; past it the newest are kept and `truncated` is set. */
export const MAX_REPORT_TICKETS = 50_000;
/** At most this many alerts feed one report; past it the newest raised are kept and `truncated` is set. */
export const MAX_REPORT_ALERTS = 50_000;

export interface ActivityLoadOptions {
  period: ReportPeriod;
  now: Date;
  /** Sites the viewer may see; undefined: every site. */
  siteIds: readonly string[] | undefined;
  sla: ReportSla | null;
  /** Defaults: MAX_REPORT_TICKETS and MAX_REPORT_ALERTS (tests lower them to reach truncation). */
  limits?: { tickets: number; alerts: number };
}

/**
 * Reads what a period's report needs, bounded by the period in the store's queries: the tickets
 * that can matter (opened before the period's end and not closed before its start — closed is
 * final) with their full history, the alerts live at some instant of the period (raised before
 * the end, not resolved before the start) with theirs, and device names. Each set is one batched
 * read, whatever its size. Nothing is computed here beyond that selection (see activity-report.ts).
 */
export async function loadActivityInput(store: Store, opts: ActivityLoadOptions): Promise<ActivityInput> {
  const { period } = opts;
  const now = opts.now.getTime();
  const limits = opts.limits ?? { tickets: MAX_REPORT_TICKETS, alerts: MAX_REPORT_ALERTS };
  const bounds = { start: new Date(period.start), end: new Date(Math.min(period.end, now)), ...(opts.siteIds ? { siteIds: opts.siteIds } : {}) };

  // One row past the limit tells "exactly the limit" from "more than the limit".
  const ticketRows = await store.tickets.listForPeriod({ ...bounds, limit: limits.tickets + 1 });
  const tickets = ticketRows.slice(0, limits.tickets);
  const ticketEvents = await store.ticketEvents.listForTickets(tickets.map((t) => t.id));

  const alertRows = await store.alerts.listForPeriod({ ...bounds, limit: limits.alerts + 1 });
  const alerts = alertRows.slice(0, limits.alerts);
  const alertEvents = await store.alerts.eventsForAlerts(alerts.map((a) => a.id));

  const hostnames = new Map<string, string>(alerts.map((a) => [a.deviceId, a.hostname]));
  const missing = new Set(tickets.map((t) => t.deviceId).filter((id): id is string => id !== null && !hostnames.has(id)));
  for (const d of await store.devices.hostnames([...missing])) hostnames.set(d.id, d.hostname);

  return {
    period,
    now,
    tickets: tickets.map((t) => ({ id: t.id, category: t.category, priority: t.priority, siteId: t.siteId, deviceId: t.deviceId, createdAt: t.createdAt.getTime() })),
    ticketEvents,
    alerts: alerts.map((a) => ({ id: a.id, deviceId: a.deviceId, check: a.check })),
    alertEvents: alertEvents.map((e) => ({ alertId: e.alertId, at: e.at.getTime(), action: e.action })),
    hostnames,
    sla: opts.sla,
    truncated: ticketRows.length > tickets.length || alertRows.length > alerts.length,
  };
}
