import { describe, expect, it } from 'vitest';
import { CompiledSla, DEFAULT_SLA_TARGETS, officeHours } from '../tickets/sla-policy.js';
import { activityCsv } from './activity-csv.js';
import { computeActivityReport } from './activity-report.js';
import { ALERT_EVENTS, ALERTS, DEV, HOSTNAMES, paris, TICKET_EVENTS, TICKETS, TZ } from './activity-test-data.js';
import { reportPeriod } from './report-period.js';

describe('activityCsv', () => {
  const hostile = new Map(HOSTNAMES).set(DEV.A, '=HYPERLINK("http://evil","x")');
  const report = computeActivityReport({
    period: reportPeriod('2025-03-03', '2025-03-09', TZ),
    now: paris('2025-03-12 12:00'),
    tickets: TICKETS,
    ticketEvents: TICKET_EVENTS,
    alerts: ALERTS,
    alertEvents: ALERT_EVENTS,
    hostnames: hostile,
    sla: new CompiledSla({ targets: DEFAULT_SLA_TARGETS, autoCloseDays: 7, calendars: [], defaultCalendar: officeHours(TZ) }),
  });
  const csv = activityCsv(report);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('writes titled sections with the figures, durations in minutes', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines.slice(0, 3)).toEqual(['Period', 'from,to,time zone,starts at (UTC),ends at (UTC),generated at (UTC),partial,truncated', '2025-03-03,2025-03-09,Europe/Paris,2025-03-02T23:00:00.000Z,2025-03-09T23:00:00.000Z,2025-03-12T11:00:00.000Z,false,false']);
    expect(lines).toContain('tickets opened,8');
    expect(lines).toContain('first response,wall clock,6,45,120');
    expect(lines).toContain('resolution,business time,4,360,720');
    expect(lines).toContain('all,5,2,71.4,3,2,60');
    expect(lines).toContain('2025-03-08,1,0,5');
  });

  it('neutralizes formulas in agent-sent text', () => {
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"",""x"")",${DEV.A},4,hardware software`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
