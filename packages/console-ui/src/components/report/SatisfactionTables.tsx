import type { ActivityReport, SatisfactionFigures } from '@deskside/protocol';
import { formatPercent } from '../../format/report-period.js';
import { SafeText } from '../SafeText.js';

/** "75% (3 of 4)" or "—" when nothing was rated / resolved. */
const share = (percent: number | null, part: number, whole: number) => (percent === null ? '—' : `${formatPercent(percent)} (${part} of ${whole})`);

function Row({ label, f }: { label: string; f: SatisfactionFigures }) {
  return (
    <tr>
      <th scope="row">
        <SafeText value={label} />
      </th>
      <td className="num">{share(f.csatPercent, f.good, f.good + f.bad)}</td>
      <td className="num">{f.bad}</td>
      <td className="num">{share(f.reopenPercent, f.reopened, f.resolutions)}</td>
    </tr>
  );
}

/** CSAT % (good ratings among ratings) and reopen rate, per technician and per category. */
export function SatisfactionTables({ report }: { report: ActivityReport }) {
  const s = report.satisfaction;
  const table = (testId: string, head: string, rows: Array<{ key: string; label: string; f: SatisfactionFigures }>) => (
    <table className="table report-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{head}</th>
          <th>CSAT (good)</th>
          <th>Not good</th>
          <th>Reopened</th>
        </tr>
      </thead>
      <tbody>
        <Row label="All" f={s.overall} />
        {rows.map((r) => (
          <Row key={r.key} label={r.label} f={r.f} />
        ))}
      </tbody>
    </table>
  );
  if (s.overall.resolutions === 0 && s.overall.good + s.overall.bad === 0) return <p className="muted">No ticket was resolved or rated in this period.</p>;
  return (
    <div className="report-grid">
      {table('csat-technician', 'Technician (who resolved it)', s.byTechnician.map((t) => ({ key: t.userId, label: t.name, f: t })))}
      {table('csat-category', 'Category', s.byCategory.map((c) => ({ key: c.category, label: c.category, f: c })))}
    </div>
  );
}
