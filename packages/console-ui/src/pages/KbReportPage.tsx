import type { KbReport } from '@deskside/protocol';
import { useMemo, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { useKbLoad } from './use-kb-load.js';

const PERIODS = [7, 30, 90] as const;
const BASIS: Record<KbReport['comparableBasis'], string> = {
  'article-tickets': 'tickets tied to the deflecting articles',
  'all-tickets': 'every ticket resolved in the last 90 days (too few tied to the articles)',
  none: 'no resolved tickets yet',
};

/** What the knowledge base saved and where it falls short. */
export function KbReportPage({ api }: { api: HttpClient }) {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const now = useNow(60_000);
  const period = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const { state, reload } = useKbLoad<KbReport>(() => api.kbReport(period), `${period.from}`, 'Loading the report');
  return (
    <section aria-labelledby="kb-report-title" className="kb-report">
      <div className="page-header">
        <h1 id="kb-report-title">Knowledge base report</h1>
        <select aria-label="Period" value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              Last {p} days
            </option>
          ))}
        </select>
      </div>
      {state.kind === 'loading' && <PageSkeleton label="Loading the report…" />}
      {state.kind === 'error' && (
        <p className="form-error" role="alert">
          {state.message}{' '}
          <button type="button" className="button" onClick={reload}>
            Retry
          </button>
        </p>
      )}
      {state.kind === 'loaded' && <ReportBody report={state.value} now={now} />}
    </section>
  );
}

function ReportBody({ report: r, now }: { report: KbReport; now: number }) {
  const hours = Math.floor(r.minutesSaved / 60);
  const minutes = Math.round(r.minutesSaved % 60);
  return (
    <>
      <div className="kb-figures">
        <div className="panel kb-figure" data-testid="kb-deflections">
          <span className="kb-figure-value">{r.deflections}</span>
          <span>requests solved in the tray without a ticket</span>
        </div>
        <div className="panel kb-figure" data-testid="kb-time-saved">
          <span className="kb-figure-value">{hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`}</span>
          <span>
            saved ({r.medianHandlingMinutes === null ? 'no handling time known yet' : `median handling ${r.medianHandlingMinutes} min over ${r.comparableTickets} tickets: ${BASIS[r.comparableBasis]}`})
          </span>
        </div>
      </div>
      <div className="kb-report-grid">
        <Table title="Top articles" empty="No article was read or voted on in this period." testId="kb-top" head={['Article', 'Solved in tray', 'Helpful', 'Not helpful']}>
          {r.topArticles.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a>
              </td>
              <td className="num">{a.deflections}</td>
              <td className="num">{a.helpful}</td>
              <td className="num">{a.unhelpful}</td>
            </tr>
          ))}
        </Table>
        <Table title="Searches with no result (content gaps)" empty="Every search found something." testId="kb-gaps" head={['Search', 'Times', 'Last']}>
          {r.noResultSearches.map((s) => (
            <tr key={s.query}>
              <td>{s.query}</td>
              <td className="num">{s.count}</td>
              <td>
                <RelativeTime value={s.lastAt} now={now} />
              </td>
            </tr>
          ))}
        </Table>
        <Table title="Articles marked unhelpful" empty="No article has more unhelpful than helpful votes." testId="kb-unhelpful" head={['Article', 'Helpful', 'Not helpful', 'Last comment']}>
          {r.unhelpful.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a>
              </td>
              <td className="num">{a.helpful}</td>
              <td className="num">{a.unhelpful}</td>
              <td>{a.lastComment ?? '—'}</td>
            </tr>
          ))}
        </Table>
        <Table title="Stale articles (not reviewed in 6 months)" empty="Every published article was reviewed in the last 6 months." testId="kb-stale" head={['Article', 'Last reviewed']}>
          {r.stale.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`#/kb/${encodeURIComponent(a.id)}`}>{a.title}</a>
              </td>
              <td>
                <RelativeTime value={a.reviewedAt} now={now} />
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}

function Table({ title, empty, head, testId, children }: { title: string; empty: string; head: string[]; testId: string; children: React.ReactNode[] }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2>{title}</h2>
      {children.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}
