import { ActivityReportSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { CompiledSla, DEFAULT_SLA_TARGETS, officeHours } from '../tickets/sla-policy.js';
import { computeActivityReport, type ActivityInput } from './activity-report.js';
import { ALERT_EVENTS, ALERTS, DEV, HOSTNAMES, paris, TICKET_EVENTS, TICKETS, TZ } from './activity-test-data.js';
import { reportPeriod } from './report-period.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const sla = new CompiledSla({ targets: DEFAULT_SLA_TARGETS, autoCloseDays: 7, calendars: [], defaultCalendar: officeHours(TZ) });
const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  period: reportPeriod('2025-03-03', '2025-03-09', TZ),
  now: paris('2025-03-12 12:00'),
  tickets: TICKETS,
  ticketEvents: TICKET_EVENTS,
  alerts: ALERTS,
  alertEvents: ALERT_EVENTS,
  hostnames: HOSTNAMES,
  sla,
  ...over,
});

// Every expected figure below is worked out by hand in activity-test-data.ts's comments and here.
describe('computeActivityReport on a fixed week', () => {
  const report = computeActivityReport(input());

  it('matches the protocol schema', () => {
    expect(ActivityReportSchema.safeParse(report).success).toBe(true);
  });

  it('counts tickets opened (T1–T8), resolved by their last standing resolution (T1, T2, T3 once, T5) and merged (T8)', () => {
    expect(report.summary).toMatchObject({ opened: 8, resolved: 4, merged: 1, backlogAtStart: 1, backlogAtEnd: 4 });
    expect(report.period).toMatchObject({ startsAt: '2025-03-02T23:00:00.000Z', endsAt: '2025-03-09T23:00:00.000Z', partial: false });
  });

  it('first response: 6 in the period, wall 20/30/30/60/60/120 min, business 0/20/30/30/60/120 min (T5 on a weekend)', () => {
    expect(report.summary.firstResponse).toEqual({
      count: 6,
      wall: { medianMs: 45 * MIN, p90Ms: 120 * MIN },
      business: { medianMs: 30 * MIN, p90Ms: 120 * MIN },
    });
  });

  it('resolution: wall 2/24/26/26 h (T3 from its last resolution), business 0/2/10/12 h', () => {
    expect(report.summary.resolution).toEqual({
      count: 4,
      wall: { medianMs: 25 * HOUR, p90Ms: 26 * HOUR },
      business: { medianMs: 6 * HOUR, p90Ms: 12 * HOUR },
    });
  });

  it('SLA: first response 5 met / 2 breached (T2, T7); resolution 3 met / 2 breached (T2, and T9 opened before the period)', () => {
    expect(report.summary.sla).toEqual({
      firstResponse: { met: 5, breached: 2, percent: 71.4 },
      resolution: { met: 3, breached: 2, percent: 60 },
    });
    expect(report.byPriority).toEqual([
      { priority: 'P1', opened: 1, resolved: 0, firstResponse: { met: 1, breached: 0, percent: 100 }, resolution: { met: 0, breached: 0, percent: null } },
      { priority: 'P2', opened: 4, resolved: 3, firstResponse: { met: 2, breached: 1, percent: 66.7 }, resolution: { met: 2, breached: 1, percent: 66.7 } },
      { priority: 'P3', opened: 2, resolved: 1, firstResponse: { met: 2, breached: 0, percent: 100 }, resolution: { met: 1, breached: 1, percent: 50 } },
      { priority: 'P4', opened: 1, resolved: 0, firstResponse: { met: 0, breached: 1, percent: 0 }, resolution: { met: 0, breached: 0, percent: null } },
    ]);
  });

  it('backlog at the end of each local day, and one Monday-start week', () => {
    expect(report.daily).toEqual([
      { date: '2025-03-03', opened: 3, resolved: 1, backlog: 3 },
      { date: '2025-03-04', opened: 1, resolved: 1, backlog: 2 },
      { date: '2025-03-05', opened: 0, resolved: 1, backlog: 2 },
      { date: '2025-03-06', opened: 1, resolved: 0, backlog: 2 },
      { date: '2025-03-07', opened: 2, resolved: 0, backlog: 4 },
      { date: '2025-03-08', opened: 1, resolved: 0, backlog: 5 },
      { date: '2025-03-09', opened: 0, resolved: 1, backlog: 4 },
    ]);
    expect(report.weekly).toEqual([{ date: '2025-03-03', opened: 8, resolved: 4, backlog: 4 }]);
  });

  it('by category and by technician (a superseded resolution does not count for its author)', () => {
    expect(report.byCategory).toEqual([
      { category: 'hardware', opened: 3, resolved: 2 },
      { category: 'software', opened: 1, resolved: 1 },
      { category: 'network', opened: 1, resolved: 0 },
      { category: 'printer', opened: 1, resolved: 0 },
      { category: 'email', opened: 1, resolved: 1 },
      { category: 'other', opened: 1, resolved: 0 },
    ]);
    expect(report.byTechnician).toEqual([
      { userId: 'u-bob', name: 'Bob', resolved: 3, firstResponses: 2, replies: 2 },
      { userId: 'u-alice', name: 'Alice', resolved: 1, firstResponses: 4, replies: 3 },
    ]);
  });

  it('recurring problems and top devices (alert occurrences = raised + reopened inside the period)', () => {
    expect(report.recurring.devices).toEqual([{ deviceId: DEV.A, hostname: 'PC-ACCOUNTING', tickets: 4, categories: ['hardware', 'software'] }]);
    expect(report.recurring.categories[0]).toEqual({ category: 'hardware', tickets: 3, devices: 1 });
    expect(report.recurring.categories.map((c) => c.category)).toEqual(['hardware', 'email', 'network', 'other', 'printer', 'software']);
    expect(report.recurring.checks).toEqual([
      { check: 'disk-space', devices: 2, occurrences: 3 },
      { check: 'antivirus', devices: 1, occurrences: 1 },
    ]);
    expect(report.topDevices).toEqual([
      { deviceId: DEV.A, hostname: 'PC-ACCOUNTING', tickets: 4, alerts: 2 },
      { deviceId: DEV.C, hostname: 'PC-WAREHOUSE', tickets: 2, alerts: 1 },
      { deviceId: DEV.B, hostname: 'PC-RECEPTION', tickets: 1, alerts: 1 },
    ]);
  });

  it('reads history only up to the period end: a later period sees T3 and T4 differently', () => {
    const later = computeActivityReport(input({ period: reportPeriod('2025-03-10', '2025-03-11', TZ) }));
    expect(later.summary).toMatchObject({ opened: 1, resolved: 1, backlogAtStart: 4 });
    // T4 (P1) resolved Mon 10 09:00, due Mon 10 11:00: met; T7's resolution is breached Mon 10 12:00.
    expect(later.byPriority.find((p) => p.priority === 'P1')?.resolution).toEqual({ met: 1, breached: 0, percent: 100 });
  });

  it('a period reaching past now is partial and has no days after now', () => {
    const partial = computeActivityReport(input({ now: paris('2025-03-05 10:00') }));
    expect(partial.period.partial).toBe(true);
    expect(partial.daily.map((d) => d.date)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    // At Wed 10:00 T3 is reopened (resolved again at 11:00): open, with T7 and T9.
    expect(partial.daily.at(-1)).toEqual({ date: '2025-03-05', opened: 0, resolved: 0, backlog: 3 });
    expect(partial.summary.resolved).toBe(2);
  });

  it('without an SLA clock: no business time, no compliance', () => {
    const plain = computeActivityReport(input({ sla: null }));
    expect(plain.summary.firstResponse.business).toBeNull();
    expect(plain.summary.sla.firstResponse).toEqual({ met: 0, breached: 0, percent: null });
  });
});

describe('reportPeriod', () => {
  it('cuts local days in the zone, with the 23-hour DST day', () => {
    const p = reportPeriod('2025-03-29', '2025-03-31', TZ);
    expect(p.days.map((d) => [d.date, (d.end - d.start) / HOUR, d.week])).toEqual([
      ['2025-03-29', 24, '2025-03-24'],
      ['2025-03-30', 23, '2025-03-24'],
      ['2025-03-31', 24, '2025-03-31'],
    ]);
  });
});
