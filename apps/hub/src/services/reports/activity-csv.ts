import type { ActivityReport, DurationStats, SlaCompliance } from '@deskside/protocol';
import { CSV_BOM, CSV_EOL, csvRow, type CellValue } from '../export/csv.js';

/**
 * The activity report as one CSV file of sections: a title row per section, a header row, its
 * records, a blank line. Durations are in minutes (one decimal). Text cells go through the export
 * CSV writer, which neutralizes formulas (hostnames and check names come from agents).
 */
export function activityCsv(r: ActivityReport): string {
  const out: string[] = [CSV_BOM];
  const section = (title: string, header: readonly string[], rows: ReadonlyArray<readonly CellValue[]>) => {
    out.push(csvRow([title]), csvRow(header), ...rows.map((row) => csvRow(row)), CSV_EOL);
  };
  const s = r.summary;
  section('Period', ['from', 'to', 'time zone', 'starts at (UTC)', 'ends at (UTC)', 'generated at (UTC)', 'partial', 'truncated'], [
    [r.period.from, r.period.to, r.period.timeZone, r.period.startsAt, r.period.endsAt, r.period.generatedAt, r.period.partial, r.truncated],
  ]);
  section('Summary', ['measure', 'value'], [
    ['tickets opened', s.opened],
    ['tickets resolved', s.resolved],
    ['tickets merged', s.merged],
    ['backlog at start', s.backlogAtStart],
    ['backlog at end', s.backlogAtEnd],
  ]);
  const timingRows = (name: string, t: ActivityReport['summary']['firstResponse']): CellValue[][] => [
    [name, 'wall clock', t.count, ...minutes(t.wall)],
    ...(t.business ? [[name, 'business time', t.count, ...minutes(t.business)]] : []),
  ];
  section('Response times (minutes)', ['measure', 'clock', 'tickets', 'median', 'p90'], [
    ...timingRows('first response', s.firstResponse),
    ...timingRows('resolution', s.resolution),
  ]);
  section('SLA compliance', ['priority', 'first response met', 'first response breached', 'first response %', 'resolution met', 'resolution breached', 'resolution %'], [
    ['all', ...sla(s.sla.firstResponse), ...sla(s.sla.resolution)],
    ...r.byPriority.map((p) => [p.priority, ...sla(p.firstResponse), ...sla(p.resolution)]),
  ]);
  section('By priority', ['priority', 'opened', 'resolved'], r.byPriority.map((p) => [p.priority, p.opened, p.resolved]));
  section('By category', ['category', 'opened', 'resolved'], r.byCategory.map((c) => [c.category, c.opened, c.resolved]));
  section('By technician', ['technician', 'resolved', 'first responses', 'replies'], r.byTechnician.map((t) => [t.name, t.resolved, t.firstResponses, t.replies]));
  section('Daily', ['date', 'opened', 'resolved', 'backlog at end of day'], r.daily.map((d) => [d.date, d.opened, d.resolved, d.backlog]));
  section('Weekly', ['week starting', 'opened', 'resolved', 'backlog at end of week'], r.weekly.map((d) => [d.date, d.opened, d.resolved, d.backlog]));
  section('Recurring categories', ['category', 'tickets', 'devices'], r.recurring.categories.map((c) => [c.category, c.tickets, c.devices]));
  section(`Devices with ${r.recurring.deviceThreshold}+ tickets`, ['hostname', 'device id', 'tickets', 'categories'], r.recurring.devices.map((d) => [d.hostname, d.deviceId, d.tickets, d.categories.join(' ')]));
  section('Recurring alert checks', ['check', 'devices', 'occurrences'], r.recurring.checks.map((c) => [c.check, c.devices, c.occurrences]));
  section('Top devices', ['hostname', 'device id', 'tickets', 'alerts'], r.topDevices.map((d) => [d.hostname, d.deviceId, d.tickets, d.alerts]));
  return out.join('');
}

function minutes(d: DurationStats): CellValue[] {
  const m = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
  return [m(d.medianMs), m(d.p90Ms)];
}

function sla(c: SlaCompliance): CellValue[] {
  return [c.met, c.breached, c.percent];
}
