import type { SoftwareTopResponse, SoftwareVersionsResponse } from '@deskside/protocol';
import { useEffect, useMemo, useState } from 'react';
import type { AssetApi } from '../api/asset-api.js';
import { devicePath } from '../app/routes.js';
import { SafeText } from '../components/SafeText.js';
import { formatNumber } from '../format/relative-time.js';

const PAGE = 200;

/** `#/reports/software`: the most installed applications; pick one to see its versions and where each runs. */
export function SoftwareReportPage({ api, app }: { api: AssetApi; app?: string | undefined }) {
  const [top, setTop] = useState<SoftwareTopResponse | null>(null);
  const [selected, setSelected] = useState<string | null>(app ?? null);
  const [filter, setFilter] = useState('');
  const [shownCount, setShownCount] = useState(PAGE);
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = top?.applications ?? [];
    return q === '' ? all : all.filter((a) => a.name.toLowerCase().includes(q) || (a.publisher ?? '').toLowerCase().includes(q));
  }, [top, filter]);
  const [versions, setVersions] = useState<SoftwareVersionsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load the report.');

  useEffect(() => {
    api.softwareTop().then(setTop, fail);
  }, [api]);
  useEffect(() => {
    if (selected === null) return;
    setVersions(null);
    api.softwareVersions(selected).then(setVersions, fail);
  }, [api, selected]);

  return (
    <>
      <div className="page-header">
        <h1>Software</h1>
      </div>
      {error && <p role="alert">{error}</p>}
      <div className="report-columns">
        <section className="panel" aria-label="Most installed applications">
          {top === null ? (
            <p className="muted">Loading…</p>
          ) : top.applications.length === 0 ? (
            <p className="muted">No inventory lists installed software yet.</p>
          ) : (
            <>
            <div className="report-toolbar">
              <label>
                <span className="visually-hidden">Search applications</span>
                <input type="search" value={filter} maxLength={128} placeholder="Search application or publisher" onChange={(e) => { setFilter(e.target.value); setShownCount(PAGE); }} data-testid="software-search" />
              </label>
              <span className="muted" data-testid="software-count">
                Showing {formatNumber(Math.min(shownCount, rows.length))} of {formatNumber(rows.length)}
                {filter.trim() ? ' matching' : ''}
                {top.total !== undefined && top.total > top.applications.length ? ` (the ${formatNumber(top.applications.length)} most installed of ${formatNumber(top.total)})` : ''}
              </span>
            </div>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Applications">
            <table className="data-table compact" data-testid="software-top">
              <thead>
                <tr><th scope="col">Application</th><th scope="col">Publisher</th><th scope="col" className="num">Installs</th><th scope="col" className="num">Versions</th></tr>
              </thead>
              <tbody>
                {rows.slice(0, shownCount).map((a) => (
                  <tr key={a.name}>
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelected(a.name)}>
                        <SafeText value={a.name} />
                      </button>
                    </td>
                    <td><SafeText value={a.publisher} /></td>
                    <td className="num">{formatNumber(a.installs)}</td>
                    <td className="num">{a.versions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
            {rows.length > shownCount && (
              <button type="button" className="button button-quiet" onClick={() => setShownCount((n) => n + PAGE)}>
                Show {Math.min(PAGE, rows.length - shownCount)} more
              </button>
            )}
            </>
          )}
        </section>
        {selected !== null && (
          <section className="panel software-versions-panel" aria-label="Versions" data-testid="software-versions">
            <h2><SafeText value={selected} /></h2>
            {versions === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <p className="muted">Installed on {formatNumber(versions.installs)} devices. Newest version first: the devices further down still run older ones.</p>
                {versions.versions.map((v) => (
                  <details key={v.version ?? '(unknown)'}>
                    <summary>
                      <SafeText value={v.version} fallback="(unknown version)" /> — {formatNumber(v.count)} devices
                    </summary>
                    <ul>
                      {v.devices.map((d) => (
                        <li key={d.id}><a href={`#${devicePath(d.id)}`}><SafeText value={d.hostname} /></a></li>
                      ))}
                      {v.count > v.devices.length && <li className="muted">…and {v.count - v.devices.length} more</li>}
                    </ul>
                  </details>
                ))}
              </>
            )}
          </section>
        )}
      </div>
    </>
  );
}
