import type { AlertRecord, Store, TicketRecord } from '@deskside/store';
import type { ActivityInput, ReportAlertEvent } from './activity-report.js';
import type { ReportPeriod } from './report-period.js';
import type { ReportSla } from './sla-decisions.js';

/** At most this many tickets and alerts feed one report; past it the newest are kept and `truncated` is set. */
export const MAX_REPORT_TICKETS = 50_000;
/** The alert repository answers at most this many alerts, newest raised first. */
export const MAX_REPORT_ALERTS = 5_000;

export interface ActivityLoadOptions {
  period: ReportPeriod;
  now: Date;
  /** Sites the viewer may see; undefined: every site. */
  siteIds: readonly string[] | undefined;
  sla: ReportSla | null;
}

/**
 * Reads what a period's report needs: every ticket that can matter (opened before the period's
 * end and not closed before its start — closed is final) with its full history, the alerts
 * raised before the end and touched since the start with theirs, and device names. Nothing is
 * computed here beyond that selection (see activity-report.ts).
 */
export async function loadActivityInput(store: Store, opts: ActivityLoadOptions): Promise<ActivityInput> {
  const { period } = opts;
  const now = opts.now.getTime();
  const cutoff = Math.min(period.end, now);
  const scope = opts.siteIds ? { siteIds: opts.siteIds } : {};

  const all = await store.tickets.list(scope);
  const relevant = all
    .filter((t) => t.createdAt.getTime() < cutoff && !(t.closedAt !== null && t.closedAt.getTime() < period.start))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const tickets = relevant.slice(0, MAX_REPORT_TICKETS);
  const ticketEvents = await store.ticketEvents.listForTickets(tickets.map((t) => t.id));

  const listed = await store.alerts.list({ ...scope, limit: MAX_REPORT_ALERTS });
  const alerts = listed.filter((a) => a.raisedAt.getTime() < cutoff && a.updatedAt.getTime() >= period.start);
  const alertEvents: ReportAlertEvent[] = [];
  for (const a of alerts) {
    for (const e of await store.alerts.events(a.id)) alertEvents.push({ alertId: e.alertId, at: e.at.getTime(), action: e.action });
  }

  return {
    period,
    now,
    tickets: tickets.map((t) => ({ id: t.id, category: t.category, priority: t.priority, siteId: t.siteId, deviceId: t.deviceId, createdAt: t.createdAt.getTime() })),
    ticketEvents,
    alerts: alerts.map((a) => ({ id: a.id, deviceId: a.deviceId, check: a.check })),
    alertEvents,
    hostnames: await hostnames(store, tickets, alerts),
    sla: opts.sla,
    truncated: relevant.length > tickets.length || listed.length >= MAX_REPORT_ALERTS,
  };
}

async function hostnames(store: Store, tickets: readonly TicketRecord[], alerts: readonly AlertRecord[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(alerts.map((a) => [a.deviceId, a.hostname]));
  const missing = new Set(tickets.map((t) => t.deviceId).filter((id): id is string => id !== null && !out.has(id)));
  for (const id of missing) {
    const device = await store.devices.findById(id);
    if (device) out.set(id, device.hostname);
  }
  return out;
}
