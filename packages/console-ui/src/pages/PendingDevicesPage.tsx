import { useCallback, useState } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';
import { formatDateTime } from '../format/relative-time.js';

/** `#/admin/devices-pending`: devices quarantined for a duplicate machine id; approve or reject. */
export function PendingDevicesPage({ api }: { api: AdminApi }) {
  const pending = useAdminLoad(useCallback(() => api.pendingDevices(), [api]));
  const [message, setMessage] = useState<string | null>(null);
  const decide = async (id: string, verdict: 'approve' | 'reject') => {
    try {
      await api.decideDevice(id, verdict);
      pending.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  return (
    <section aria-labelledby="pending-title">
      <h1 id="pending-title">Devices waiting for approval</h1>
      <p>These PCs enrolled with a machine id another device already has (often a cloned disk image). They cannot send anything until approved.</p>
      {(message ?? pending.error) !== null && <p role="status"><SafeText value={message ?? pending.error ?? ''} /></p>}
      {pending.data?.length === 0 && <p data-testid="no-pending">Nothing is waiting.</p>}
      <table className="table" data-testid="pending-list">
        <thead>
          <tr><th>Hostname</th><th>Machine id</th><th>Enrolled</th><th>Same id as</th><th /></tr>
        </thead>
        <tbody>
          {(pending.data ?? []).map((d) => (
            <tr key={d.id}>
              <td><SafeText value={d.hostname} /></td>
              <td><SafeText value={d.machineId} /></td>
              <td>{formatDateTime(d.enrolledAt)}</td>
              <td>{d.twinIds.map((t) => <a key={t} href={`#/devices/${encodeURIComponent(t)}`}>{t} </a>)}</td>
              <td>
                <button type="button" className="button" onClick={() => void decide(d.id, 'approve')}>Approve</button>{' '}
                <button type="button" className="button button-quiet" onClick={() => void decide(d.id, 'reject')}>Reject</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
