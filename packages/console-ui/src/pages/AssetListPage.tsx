import type { DeviceSummary } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { AssetApi } from '../api/asset-api.js';
import { devicePath } from '../app/routes.js';
import { formatDateTime } from '../format/relative-time.js';
import { SafeText } from '../components/SafeText.js';

export type AssetListKind = 'warranty' | 'not-seen';

const COPY: Record<AssetListKind, { title: string; param: string; days: number; empty: string }> = {
  warranty: { title: 'Warranty ending soon', param: 'warrantyWithinDays', days: 90, empty: 'No warranty ends in this window.' },
  'not-seen': { title: 'Not seen recently', param: 'notSeenForDays', days: 30, empty: 'Every device has been seen in this window.' },
};

/** `#/assets/warranty` and `#/assets/not-seen`: the devices whose warranty ends within N days, or not seen for N days. */
export function AssetListPage({ api, kind }: { api: AssetApi; kind: AssetListKind }) {
  const copy = COPY[kind];
  const [days, setDays] = useState(copy.days);
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDevices(null);
    api.listDevices({ [copy.param]: String(days) }).then(
      (list) => live && setDevices(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : 'Could not load the list.'),
    );
    return () => {
      live = false;
    };
  }, [api, copy.param, days]);

  return (
    <>
      <div className="page-header">
        <h1>{copy.title}</h1>
        <label className="field inline-field">
          Days{' '}
          <input type="number" min={0} max={3650} value={days} data-testid="asset-list-days" onChange={(e) => setDays(Math.max(0, Math.min(3650, Number(e.target.value) || 0)))} />
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {devices === null ? (
        <p className="muted">Loading…</p>
      ) : devices.length === 0 ? (
        <p className="muted">{copy.empty}</p>
      ) : (
        <table className="table" data-testid="asset-list">
          <thead>
            <tr>
              <th>Hostname</th>
              <th>Asset tag</th>
              <th>Assigned to</th>
              <th>{kind === 'warranty' ? 'Warranty end' : 'Last seen'}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`#${devicePath(d.id)}`}>
                    <SafeText value={d.hostname} />
                  </a>
                </td>
                <td><SafeText value={d.asset?.assetTag ?? null} /></td>
                <td><SafeText value={d.asset?.assignedTo ?? null} /></td>
                <td>{kind === 'warranty' ? (d.asset?.warrantyEnd ?? '—') : d.lastSeen ? formatDateTime(d.lastSeen) : 'never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
