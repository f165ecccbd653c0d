import { useCallback, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';
import { formatDateTime } from '../format/relative-time.js';

/** `#/admin/enroll-tokens`: list, create (the token is shown once, with a copy button), revoke. */
export function EnrollTokensPage({ api }: { api: AdminApi }) {
  const tokens = useAdminLoad(useCallback(() => api.enrollTokens(), [api]));
  const sites = useAdminLoad(useCallback(() => api.sites(), [api]));
  const [form, setForm] = useState({ siteId: '', label: '', expiresInHours: '', maxUses: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const siteId = form.siteId || sites.data?.[0]?.id;
    if (!siteId) return;
    try {
      const answer = await api.createEnrollToken({
        siteId,
        label: form.label,
        ...(form.expiresInHours ? { expiresInHours: Number(form.expiresInHours) } : {}),
        ...(form.maxUses ? { maxUses: Number(form.maxUses) } : {}),
      });
      setCreated(answer.token);
      setMessage(null);
      tokens.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const revoke = async (id: string) => {
    try {
      await api.revokeEnrollToken(id);
      tokens.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };

  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Enrolment tokens</h1>
      {(message ?? tokens.error) !== null && <p role="status"><SafeText value={message ?? tokens.error ?? ''} /></p>}
      {created !== null && (
        <div className="notice" role="status" data-testid="new-token">
          <p>Copy this token now; it is not shown again.</p>
          <code data-testid="new-token-value">{created}</code>{' '}
          <button type="button" className="button button-quiet" onClick={() => void navigator.clipboard?.writeText(created)}>Copy</button>
        </div>
      )}
      <table className="table" data-testid="token-list">
        <thead>
          <tr><th>Label</th><th>Site</th><th>Uses</th><th>Expires</th><th>State</th><th /></tr>
        </thead>
        <tbody>
          {(tokens.data ?? []).map((t) => (
            <tr key={t.id}>
              <td><SafeText value={t.label} /></td>
              <td><SafeText value={siteName(t.siteId)} /></td>
              <td>{t.uses}{t.maxUses !== null ? ` / ${t.maxUses}` : ''}</td>
              <td>{t.expiresAt === null ? 'never' : formatDateTime(t.expiresAt)}</td>
              <td>{t.revokedAt === null ? 'active' : 'revoked'}</td>
              <td>{t.revokedAt === null && <button type="button" className="button button-quiet" onClick={() => void revoke(t.id)}>Revoke</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New token</h2>
      <form className="admin-form" onSubmit={(e) => void create(e)} data-testid="create-token">
        <label>
          Site{' '}
          <select value={form.siteId} onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
            {(sites.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>Label <input required maxLength={128} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} /></label>
        <label>Expires in hours <input type="number" min={1} max={8784} value={form.expiresInHours} onChange={(e) => setForm({ ...form, expiresInHours: e.target.value })} /></label>
        <label>Max uses <input type="number" min={1} max={100000} value={form.maxUses} onChange={(e) => setForm({ ...form, maxUses: e.target.value })} /></label>
        <button type="submit" className="button">Create</button>
      </form>
    </section>
  );
}
