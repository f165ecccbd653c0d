import type { ActivityReport } from '@deskside/protocol';
import { useEffect, useMemo, useState } from 'react';
import { downloadActivityCsv, fetchActivityReport } from '../api/activity-api.js';
import type { AssetApi } from '../api/asset-api.js';
import { RecurringTables, SlaTable, TopDevicesTable } from '../components/report/ActivityTables.js';
import { SatisfactionTables } from '../components/report/SatisfactionTables.js';
import { BarChart } from '../components/report/BarChart.js';
import { KpiTile } from '../components/report/KpiTile.js';
import { LineChart } from '../components/report/LineChart.js';
import { PeriodPicker } from '../components/report/PeriodPicker.js';
import { formatDuration, formatPercent, localToday, presetPeriod, viewerTimeZone, type LocalPeriod, type PeriodPreset } from '../format/report-period.js';
import '../styles/reports.css';

const OPENED_RESOLVED = [
  { name: 'Opened', className: 'bar-opened' },
  { name: 'Resolved', className: 'bar-resolved' },
];

/** `#/reports/activity`: tickets and alerts of a period for management, printable on A4. */
export function ActivityReportPage({ api }: { api: AssetApi }) {
  const timeZone = useMemo(viewerTimeZone, []);
  const [preset, setPreset] = useState<PeriodPreset>('this-month');
  const [period, setPeriod] = useState<LocalPeriod>(() => presetPeriod('this-month', localToday(new Date(), timeZone)));
  const [report, setReport] = useState<ActivityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => ({ ...period, tz: timeZone }), [period, timeZone]);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    fetchActivityReport(api, query, abort.signal).then(setReport, (e: unknown) => {
      if (!abort.signal.aborted) setError(e instanceof Error ? e.message : 'Could not load the report.');
    });
    return () => abort.abort();
  }, [api, query]);

  const choose = (p: PeriodPreset) => {
    setPreset(p);
    if (p !== 'custom') setPeriod(presetPeriod(p, localToday(new Date(), timeZone)));
  };
  const download = () => void downloadActivityCsv(api, query).catch((e: unknown) => setError(e instanceof Error ? e.message : 'The download failed.'));

  return (
    <div className="activity-report">
      <div className="page-header">
        <h1>Activity report</h1>
        <div className="report-actions no-print">
          <button type="button" className="button" data-testid="download-csv" onClick={download}>Download CSV</button>
          <button type="button" className="button button-quiet" data-testid="print-report" onClick={() => window.print()}>Print</button>
        </div>
      </div>
      <PeriodPicker preset={preset} period={period} timeZone={timeZone} onPreset={choose} onCustom={setPeriod} />
      <p className="report-period-line" data-testid="report-period">
        {period.from} – {period.to} ({timeZone})
        {report?.period.partial ? ' · figures so far' : ''}
        {report?.truncated ? ' · only the most recent history was read' : ''}
      </p>
      {error && <p role="alert">{error}</p>}
      {report === null ? <p className="muted">Loading…</p> : <ReportBody report={report} />}
    </div>
  );
}

function ReportBody({ report }: { report: ActivityReport }) {
  const s = report.summary;
  const biz = (ms: number | null | undefined) => (ms === undefined ? undefined : `business ${formatDuration(ms)}`);
  return (
    <>
      <section className="report-section" aria-label="Summary">
        <div className="kpi-grid">
          <KpiTile label="Tickets opened" value={String(s.opened)} testId="kpi-opened" />
          <KpiTile label="Tickets resolved" value={String(s.resolved)} detail={s.merged > 0 ? `${s.merged} merged as duplicates` : undefined} testId="kpi-resolved" />
          <KpiTile label="Backlog" value={String(s.backlogAtEnd)} detail={`${s.backlogAtStart} at the start`} testId="kpi-backlog" />
          <KpiTile label="First response (median)" value={formatDuration(s.firstResponse.wall.medianMs)} detail={biz(s.firstResponse.business?.medianMs)} testId="kpi-first-response" />
          <KpiTile label="First response (p90)" value={formatDuration(s.firstResponse.wall.p90Ms)} detail={biz(s.firstResponse.business?.p90Ms)} testId="kpi-first-response-p90" />
          <KpiTile label="Resolution (median)" value={formatDuration(s.resolution.wall.medianMs)} detail={biz(s.resolution.business?.medianMs)} testId="kpi-resolution" />
          <KpiTile label="Resolution (p90)" value={formatDuration(s.resolution.wall.p90Ms)} detail={biz(s.resolution.business?.p90Ms)} testId="kpi-resolution-p90" />
          <KpiTile label="SLA first response" value={formatPercent(s.sla.firstResponse.percent)} detail={`${s.sla.firstResponse.met} met, ${s.sla.firstResponse.breached} breached`} testId="kpi-sla-first-response" />
          <KpiTile label="SLA resolution" value={formatPercent(s.sla.resolution.percent)} detail={`${s.sla.resolution.met} met, ${s.sla.resolution.breached} breached`} testId="kpi-sla-resolution" />
        </div>
      </section>
      <section className="report-section" aria-label="Backlog">
        <h2>Backlog over time</h2>
        <LineChart title="Open tickets at the end of each day" points={report.daily.map((d) => ({ label: d.date, value: d.backlog }))} testId="backlog-chart" />
      </section>
      <section className="report-section report-break" aria-label="Breakdown">
        <h2>Breakdown</h2>
        <div className="report-grid">
          <BarChart title="By category" series={OPENED_RESOLVED} rows={report.byCategory.map((c) => ({ label: c.category, values: [c.opened, c.resolved] }))} testId="chart-category" />
          <BarChart title="By priority" series={OPENED_RESOLVED} rows={report.byPriority.map((p) => ({ label: p.priority, values: [p.opened, p.resolved] }))} testId="chart-priority" />
          <BarChart
            title="By technician"
            series={[{ name: 'Resolved', className: 'bar-resolved' }, { name: 'First responses', className: 'bar-opened' }]}
            rows={report.byTechnician.slice(0, 15).map((t) => ({ label: t.name, values: [t.resolved, t.firstResponses] }))}
            testId="chart-technician"
          />
        </div>
        <h3>SLA compliance</h3>
        <SlaTable report={report} />
      </section>
      <section className="report-section report-break" aria-label="Satisfaction">
        <h2>Satisfaction and reopens</h2>
        <SatisfactionTables report={report} />
      </section>
      <section className="report-section report-break" aria-label="Recurring problems">
        <h2>Recurring problems</h2>
        <RecurringTables report={report} />
      </section>
      <section className="report-section" aria-label="Top devices">
        <h2>Devices with the most tickets and alerts</h2>
        <TopDevicesTable report={report} />
      </section>
    </>
  );
}
