import { API_TOKEN_SCOPES, type ApiTokenScope } from '@deskside/protocol';
import { useCallback, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import type { IntegrationsApi } from '../api/integrations-api.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';
import { formatDate } from '../format/relative-time.js';

const SCOPE_HELP: Record<ApiTokenScope, string> = {
  'devices:read': 'Read devices and sites',
  'devices:write': 'Edit asset fields',
  'alerts:read': 'Read alerts and policies',
  'alerts:write': 'Acknowledge, snooze, resolve alerts',
  'tickets:read': 'Read tickets',
  'tickets:write': 'Create and work tickets',
  'reports:read': 'Read reports',
  export: 'Export inventory',
  metrics: 'Scrape /metrics (Prometheus)',
  'audit:read': 'Read the audit log',
  'kb:read': 'Read knowledge-base articles',
  'kb:write': 'Write knowledge-base articles',
};

/** `#/admin/api-tokens`: tokens for scripts and integrations — create (shown once), list with last use, revoke. */
export function ApiTokensPage({ api, adminApi }: { api: IntegrationsApi; adminApi: AdminApi }) {
  const tokens = useAdminLoad(useCallback(() => api.tokens(), [api]));
  const sites = useAdminLoad(useCallback(() => adminApi.sites(), [adminApi]));
  const [form, setForm] = useState<{ label: string; scopes: ApiTokenScope[]; siteIds: string[]; expires: string }>({ label: '', scopes: [], siteIds: [], expires: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const now = Date.now();
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? id;
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.scopes.length === 0) return setMessage('Choose at least one scope.');
    try {
      const answer = await api.createToken({
        label: form.label,
        scopes: form.scopes,
        ...(form.siteIds.length > 0 ? { siteIds: form.siteIds } : {}),
        // The end of the chosen day, in the viewer's zone.
        ...(form.expires ? { expiresAt: new Date(`${form.expires}T23:59:59`).toISOString() } : {}),
      });
      setCreated(answer.token);
      setMessage(null);
      setForm({ label: '', scopes: [], siteIds: [], expires: '' });
      tokens.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const revoke = async (id: string) => {
    try {
      await api.revokeToken(id);
      tokens.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };

  return (
    <section aria-labelledby="api-tokens-title">
      <h1 id="api-tokens-title">API tokens</h1>
      <p>
        For scripts and integrations: send <code>Authorization: Bearer &lt;token&gt;</code>. A token can do only what its scopes allow, and never more than
        the person who made it. See the <a href="#/api">API reference</a>.
      </p>
      {(message ?? tokens.error) !== null && <p role="status" className="form-error"><SafeText value={message ?? tokens.error ?? ''} /></p>}
      {created !== null && (
        <div className="notice" role="status" data-testid="new-api-token">
          <p>Copy this token now; it is not shown again.</p>
          <code data-testid="new-api-token-value">{created}</code>{' '}
          <button type="button" className="button button-quiet" onClick={() => void navigator.clipboard?.writeText(created)}>Copy</button>
        </div>
      )}
      {tokens.data === null && tokens.error === null && <p aria-busy="true">Loading tokens…</p>}
      {tokens.data?.length === 0 && <p data-testid="no-api-tokens">No API tokens yet. Create one below for a script, Power BI or Prometheus.</p>}
      {(tokens.data?.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="api-token-list">
            <thead>
              <tr><th>Label</th><th>Token</th><th>Scopes</th><th>Sites</th><th>Created by</th><th>Last used</th><th>Expires</th><th>State</th><th /></tr>
            </thead>
            <tbody>
              {(tokens.data ?? []).map((t) => (
                <tr key={t.id}>
                  <td><SafeText value={t.label} /></td>
                  <td><code>{t.prefix}…</code></td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>{t.siteIds.length === 0 ? 'All' : t.siteIds.map(siteName).join(', ')}</td>
                  <td><SafeText value={t.createdBy.name} /></td>
                  <td>{t.lastUsedAt === null ? 'never' : <RelativeTime value={t.lastUsedAt} now={now} />}</td>
                  <td>{t.expiresAt === null ? 'never' : formatDate(t.expiresAt)}</td>
                  <td>{t.revokedAt !== null ? 'revoked' : t.expiresAt !== null && Date.parse(t.expiresAt) <= now ? 'expired' : 'active'}</td>
                  <td>{t.revokedAt === null && <button type="button" className="button button-quiet" onClick={() => void revoke(t.id)}>Revoke</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>New token</h2>
      <form className="admin-form" onSubmit={(e) => void create(e)} data-testid="create-api-token">
        <label>Label <input required maxLength={128} value={form.label} placeholder="Nightly asset sync" onChange={(e) => setForm({ ...form, label: e.target.value })} /></label>
        <fieldset>
          <legend>Scopes</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope}>
              <input type="checkbox" checked={form.scopes.includes(scope)} onChange={() => setForm({ ...form, scopes: toggle(form.scopes, scope) })} /> <code>{scope}</code> {SCOPE_HELP[scope]}
            </label>
          ))}
        </fieldset>
        {(sites.data?.length ?? 0) > 1 && (
          <fieldset>
            <legend>Sites (none ticked: all of yours)</legend>
            {(sites.data ?? []).map((s) => (
              <label key={s.id}><input type="checkbox" checked={form.siteIds.includes(s.id)} onChange={() => setForm({ ...form, siteIds: toggle(form.siteIds, s.id) })} /> {s.name}</label>
            ))}
          </fieldset>
        )}
        <label>Expires on <input type="date" value={form.expires} onChange={(e) => setForm({ ...form, expires: e.target.value })} /></label>
        <button type="submit" className="button">Create token</button>
      </form>
    </section>
  );
}
