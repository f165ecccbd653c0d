import { useCallback, useState } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { deployRecipes } from '../format/deploy-commands.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

/**
 * `#/admin/deploy`: the agent on every PC of a site. Pick the site, get a fresh enrolment token
 * (valid 7 days), copy the exact commands for msiexec / setup.exe (Intune, GPO), Jamf, apt, dnf
 * or the headless agent; the downloads are the installers placed in the hub's data directory.
 */
export function DeployPage({ api }: { api: AdminApi }) {
  const sites = useAdminLoad(useCallback(() => api.sites(), [api]));
  const installers = useAdminLoad(useCallback(() => api.agentInstallers(), [api]));
  const [siteId, setSiteId] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [token, setToken] = useState<{ siteId: string; value: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const site = sites.data?.find((s) => s.id === (siteId || sites.data?.[0]?.id));

  const freshToken = async () => {
    if (!site) return;
    setBusy(true);
    try {
      const created = await api.createEnrollToken({ siteId: site.id, label: `Deploy ${site.name} ${new Date().toISOString().slice(0, 10)}`, expiresInHours: 168 });
      setToken({ siteId: site.id, value: created.token });
      setMessage(null);
    } catch (caught) {
      setMessage(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const recipes = token && site && token.siteId === site.id
    ? deployRecipes({ hubUrl: window.location.origin, token: token.value, fingerprint: fingerprint.trim() || null, installers: installers.data ?? [] })
    : [];

  return (
    <section aria-labelledby="deploy-title">
      <h1 id="deploy-title">Deploy the agent</h1>
      <p>Install the agent silently on every PC of a site. It runs as a system service, enrols with the token, then removes the token from the PC.</p>
      {(message ?? sites.error ?? installers.error) !== null && <p role="status"><SafeText value={message ?? sites.error ?? installers.error ?? ''} /></p>}
      <form className="deploy-form" onSubmit={(e) => { e.preventDefault(); void freshToken(); }} data-testid="deploy-form">
        <label>
          Site{' '}
          <select value={site?.id ?? ''} onChange={(e) => { setSiteId(e.target.value); setToken(null); }}>
            {(sites.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>Hub certificate fingerprint (only if the hub uses its own certificate) <input maxLength={100} value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} /></label>
        <button type="submit" className="button" disabled={busy || !site}>{busy ? 'Creating…' : 'Create a fresh token and show the commands'}</button>
      </form>
      <h2>Installers on this hub</h2>
      {installers.data !== null && installers.data.length === 0 && (
        <p data-testid="no-installers">None yet. Put the built installers (.msi, .exe, .pkg, .deb, .rpm) in the hub's data directory, folder <code>agent-installers</code>; they appear here and in the commands.</p>
      )}
      <ul data-testid="installer-list">
        {(installers.data ?? []).map((i) => (
          <li key={i.file}><a href={i.url} download><SafeText value={i.file} /></a> ({Math.round(i.bytes / 1024 / 1024)} MB)</li>
        ))}
      </ul>
      {recipes.length > 0 && (
        <div data-testid="deploy-recipes">
          <p className="notice" role="status">The token is valid for 7 days and shown only on this page. Anyone with it can enrol a PC into {site?.name}.</p>
          {recipes.map((r) => (
            <article key={r.id} className="deploy-recipe" data-testid={`recipe-${r.id}`}>
              <h2>{r.title}</h2>
              <p>{r.note}</p>
              <pre><code>{r.lines.join('\n')}</code></pre>
              <button type="button" className="button button-quiet" onClick={() => void navigator.clipboard?.writeText(r.lines.join('\n'))}>Copy</button>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
