import type { SoftwareTopResponse, SoftwareVersionsResponse } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { AssetApi } from '../api/asset-api.js';
import { devicePath } from '../app/routes.js';
import { SafeText } from '../components/SafeText.js';

/** `#/reports/software`: the most installed applications; pick one to see its versions and where each runs. */
export function SoftwareReportPage({ api }: { api: AssetApi }) {
  const [top, setTop] = useState<SoftwareTopResponse | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
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
            <table className="table" data-testid="software-top">
              <thead>
                <tr><th>Application</th><th>Publisher</th><th>Installs</th><th>Versions</th></tr>
              </thead>
              <tbody>
                {top.applications.map((a) => (
                  <tr key={a.name}>
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelected(a.name)}>
                        <SafeText value={a.name} />
                      </button>
                    </td>
                    <td><SafeText value={a.publisher} /></td>
                    <td>{a.installs.toLocaleString('en')}</td>
                    <td>{a.versions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {selected !== null && (
          <section className="panel" aria-label="Versions" data-testid="software-versions">
            <h2><SafeText value={selected} /></h2>
            {versions === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <p className="muted">Installed on {versions.installs.toLocaleString('en')} devices. Newest version first: the devices further down still run older ones.</p>
                {versions.versions.map((v) => (
                  <details key={v.version ?? '(unknown)'}>
                    <summary>
                      <SafeText value={v.version} fallback="(unknown version)" /> — {v.count.toLocaleString('en')} devices
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
