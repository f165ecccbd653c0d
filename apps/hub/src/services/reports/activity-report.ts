import type { ActivityBucket, ActivityReport, Priority, SlaCompliance, TicketCategory, TicketEvent, Timing } from '@deskside/protocol';
import type { ReportPeriod } from './report-period.js';
import { median, percent, percentileNearestRank } from './report-stats.js';
import { OCCURRENCE_ACTIONS, recurringProblems, type AlertOccurrence } from './recurring-problems.js';
import { satisfactionFigures } from './satisfaction.js';
import { ticketSla, type ReportSla, type TicketSla } from './sla-decisions.js';
import { isOpenAt, ticketTimeline, type TicketTimeline } from './ticket-timeline.js';

/** The ticket fields the report needs; everything that changes over time comes from the events. */
export interface ReportTicket {
  id: string;
  category: TicketCategory;
  priority: Priority;
  siteId: string;
  deviceId: string | null;
  createdAt: number;
}

export interface ReportAlert {
  id: string;
  deviceId: string;
  check: string;
}

export interface ReportAlertEvent {
  alertId: string;
  at: number;
  action: string;
}

/** Everything one report is computed from; no store access happens past this point. */
export interface ActivityInput {
  period: ReportPeriod;
  /** Generation time, epoch ms: history after it does not exist yet. */
  now: number;
  tickets: readonly ReportTicket[];
  ticketEvents: readonly TicketEvent[];
  alerts: readonly ReportAlert[];
  alertEvents: readonly ReportAlertEvent[];
  hostnames: ReadonlyMap<string, string>;
  /** The ticket desk's SLA clock; null: no SLA figures in business time, no compliance. */
  sla: ReportSla | null;
  truncated?: boolean;
}

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
const CATEGORIES: readonly TicketCategory[] = ['hardware', 'software', 'account', 'network', 'printer', 'email', 'other'];

interface Row {
  ticket: ReportTicket;
  tl: TicketTimeline;
  sla: TicketSla | null;
}

/**
 * The activity report of a period, computed from ticket and alert history events. Figures read
 * the history up to the period's end (or `now` when earlier), so a past period's report does not
 * change when its tickets change later. See ticket-timeline.ts (what counts as a response, a
 * resolution, a reopen) and sla-decisions.ts (when an SLA target counts as met or breached).
 */
export function computeActivityReport(input: ActivityInput): ActivityReport {
  const { period } = input;
  const cutoff = Math.min(period.end, input.now);
  const inPeriod = (t: number | null | undefined): t is number => t !== null && t !== undefined && t >= period.start && t < cutoff;

  const eventsByTicket = new Map<string, TicketEvent[]>();
  for (const e of input.ticketEvents) {
    const list = eventsByTicket.get(e.ticketId);
    if (list) list.push(e);
    else eventsByTicket.set(e.ticketId, [e]);
  }
  const rows: Row[] = input.tickets.map((ticket) => {
    const tl = ticketTimeline(ticket.createdAt, eventsByTicket.get(ticket.id) ?? [], cutoff);
    return { ticket, tl, sla: input.sla ? ticketSla(input.sla, ticket.priority, ticket.siteId, tl, cutoff) : null };
  });

  const opened = rows.filter((r) => inPeriod(r.tl.openedAt));
  const resolved = rows.filter((r) => inPeriod(r.tl.resolution?.at));
  const responded = rows.filter((r) => inPeriod(r.tl.firstResponse?.at));
  const compliance = (subset: readonly Row[], which: 'firstResponse' | 'resolution'): SlaCompliance => {
    let met = 0;
    let breached = 0;
    for (const r of subset) {
      const d = r.sla?.[which];
      if (!d || !inPeriod(d.at)) continue;
      if (d.met) met++;
      else breached++;
    }
    return { met, breached, percent: percent(met, met + breached) };
  };
  const backlogAt = (t: number) => rows.reduce((n, r) => n + (isOpenAt(r.tl, t) ? 1 : 0), 0);

  const daily: ActivityBucket[] = period.days
    .filter((d) => d.start < input.now)
    .map((d) => ({
      date: d.date,
      opened: opened.filter((r) => r.tl.openedAt >= d.start && r.tl.openedAt < d.end).length,
      resolved: resolved.filter((r) => (r.tl.resolution?.at ?? -1) >= d.start && (r.tl.resolution?.at ?? -1) < d.end).length,
      backlog: backlogAt(Math.min(d.end, cutoff)),
    }));

  const occurrences: AlertOccurrence[] = [];
  const alertById = new Map(input.alerts.map((a) => [a.id, a]));
  for (const e of input.alertEvents) {
    const alert = alertById.get(e.alertId);
    if (alert && OCCURRENCE_ACTIONS.has(e.action) && inPeriod(e.at)) occurrences.push({ deviceId: alert.deviceId, check: alert.check });
  }
  const problems = recurringProblems(
    opened.map((r) => ({ category: r.ticket.category, deviceId: r.ticket.deviceId })),
    occurrences,
    (id) => input.hostnames.get(id) ?? 'unknown device',
  );

  return {
    period: {
      from: period.from,
      to: period.to,
      timeZone: period.timeZone,
      startsAt: new Date(period.start).toISOString(),
      endsAt: new Date(period.end).toISOString(),
      generatedAt: new Date(input.now).toISOString(),
      partial: input.now < period.end,
    },
    summary: {
      opened: opened.length,
      resolved: resolved.length,
      merged: rows.filter((r) => inPeriod(r.tl.mergedAt)).length,
      backlogAtStart: backlogAt(period.start),
      backlogAtEnd: backlogAt(cutoff),
      firstResponse: timing(responded.map((r) => [(r.tl.firstResponse?.at ?? 0) - r.tl.openedAt, r.sla?.firstResponseBusinessMs ?? null]), input.sla !== null),
      resolution: timing(resolved.map((r) => [(r.tl.resolution?.at ?? 0) - r.tl.openedAt, r.sla?.resolutionBusinessMs ?? null]), input.sla !== null),
      sla: { firstResponse: compliance(rows, 'firstResponse'), resolution: compliance(rows, 'resolution') },
    },
    byCategory: CATEGORIES.map((category) => ({
      category,
      opened: opened.filter((r) => r.ticket.category === category).length,
      resolved: resolved.filter((r) => r.ticket.category === category).length,
    })).filter((c) => c.opened > 0 || c.resolved > 0),
    byPriority: PRIORITIES.map((priority) => {
      const mine = rows.filter((r) => r.ticket.priority === priority);
      return {
        priority,
        opened: opened.filter((r) => r.ticket.priority === priority).length,
        resolved: resolved.filter((r) => r.ticket.priority === priority).length,
        firstResponse: compliance(mine, 'firstResponse'),
        resolution: compliance(mine, 'resolution'),
      };
    }),
    byTechnician: technicians(rows, inPeriod),
    daily,
    weekly: weekly(period, daily),
    recurring: problems.recurring,
    topDevices: problems.topDevices,
    satisfaction: satisfactionFigures(input.tickets, eventsByTicket, inPeriod, cutoff),
    truncated: input.truncated ?? false,
  };
}

function timing(pairs: ReadonlyArray<[number, number | null]>, business: boolean): Timing {
  const wall = pairs.map(([w]) => w);
  const biz = pairs.map(([, b]) => b).filter((b): b is number => b !== null);
  return {
    count: pairs.length,
    wall: { medianMs: median(wall), p90Ms: percentileNearestRank(wall, 90) },
    business: business ? { medianMs: median(biz), p90Ms: percentileNearestRank(biz, 90) } : null,
  };
}

/** Per technician (by user id, with the name the history last recorded): resolutions, first responses and public replies made in the period. */
function technicians(rows: readonly Row[], inPeriod: (t: number | null | undefined) => t is number): ActivityReport['byTechnician'] {
  const out = new Map<string, { userId: string; name: string; resolved: number; firstResponses: number; replies: number }>();
  const bump = (by: { userId: string | null; name: string }, key: 'resolved' | 'firstResponses' | 'replies') => {
    if (by.userId === null) return;
    let t = out.get(by.userId);
    if (!t) out.set(by.userId, (t = { userId: by.userId, name: by.name, resolved: 0, firstResponses: 0, replies: 0 }));
    t.name = by.name;
    t[key]++;
  };
  for (const { tl } of rows) {
    if (tl.resolution && inPeriod(tl.resolution.at)) bump(tl.resolution.by, 'resolved');
    if (tl.firstResponse && inPeriod(tl.firstResponse.at)) bump(tl.firstResponse.by, 'firstResponses');
    for (const r of tl.replies) if (inPeriod(r.at)) bump(r.by, 'replies');
  }
  return [...out.values()].sort((a, b) => b.resolved - a.resolved || b.replies - a.replies || a.name.localeCompare(b.name));
}

/** Monday-start weeks cut to the period: sums of the days, backlog of the week's last day. */
function weekly(period: ReportPeriod, daily: readonly ActivityBucket[]): ActivityBucket[] {
  const weekOf = new Map(period.days.map((d) => [d.date, d.week]));
  const out: ActivityBucket[] = [];
  let current: { week: string; bucket: ActivityBucket } | undefined;
  for (const day of daily) {
    const week = weekOf.get(day.date) ?? day.date;
    if (!current || current.week !== week) {
      current = { week, bucket: { date: day.date, opened: 0, resolved: 0, backlog: 0 } };
      out.push(current.bucket);
    }
    current.bucket.opened += day.opened;
    current.bucket.resolved += day.resolved;
    current.bucket.backlog = day.backlog;
  }
  return out;
}
