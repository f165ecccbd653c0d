import { useCallback, useState } from 'react';
import { SignedAgentReleaseSchema, type AgentRelease, type AgentUpdateFile, type Group, type UpdateReleaseRolloutRequest } from '@deskside/protocol';
import type { AdminApi } from '../api/admin-api.js';
import { Bytes } from '../components/Bytes.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { SafeText } from '../components/SafeText.js';
import { formatDate } from '../format/relative-time.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

const STATE_WORD: Record<AgentRelease['rollout']['state'], string> = { rolling: 'Rolling out', paused: 'Paused', withdrawn: 'Withdrawn' };

/**
 * `#/admin/releases`: the agent versions the fleet runs, and the releases an admin signed on their
 * own machine (`deskside-agent release sign`) and registered here. Each release reaches its pilot
 * groups first, then a share of every other PC, and can be paused or withdrawn; a rollback is a
 * release signed with `rollback: true`.
 */
export function ReleasesPage({ api, canWrite }: { api: AdminApi; canWrite: boolean }) {
  const list = useAdminLoad(useCallback(() => api.agentReleases(), [api]));
  const files = useAdminLoad(useCallback(() => api.agentUpdateFiles(), [api]));
  const groups = useAdminLoad(useCallback(() => api.groups(), [api]));
  const [message, setMessage] = useState<string | null>(null);
  const [signedText, setSignedText] = useState('');
  const [uploaded, setUploaded] = useState<AgentUpdateFile | null>(null);
  const [busy, setBusy] = useState(false);
  const now = Date.now();

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      setMessage(done);
      list.reload();
      files.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const register = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(signedText);
    } catch {
      setMessage('Paste the line deskside-agent release sign printed: it is JSON.');
      return;
    }
    const signed = SignedAgentReleaseSchema.safeParse(parsed);
    if (!signed.success) {
      setMessage('That is not signed release metadata: it needs manifest, keyId and signature.');
      return;
    }
    void act(() => api.registerAgentRelease({ signed: signed.data }), 'Release registered. It is paused until you start its rollout.').then(() => setSignedText(''));
  };
  const upload = (file: File | undefined) => {
    if (!file) return;
    void act(async () => setUploaded(await api.uploadAgentUpdateFile(file)), `${file.name} uploaded.`);
  };
  const rollout = (release: AgentRelease, patch: UpdateReleaseRolloutRequest, done: string) => void act(() => api.updateReleaseRollout(release.id, patch), done);

  return (
    <section aria-labelledby="releases-title">
      <h1 id="releases-title">Agent releases</h1>
      <p>
        Agents install only releases signed with a key in their <code>agent.json</code>. A release reaches its pilot groups first, then the share of the
        other PCs you set; pause stops it reaching anyone new.
      </p>
      {(message ?? list.error) !== null && <p role="status" className="notice"><SafeText value={message ?? list.error ?? ''} /></p>}

      <h2>Versions in the fleet</h2>
      {list.data === null && list.error === null && <p aria-busy="true">Loading…</p>}
      {list.data?.versions.length === 0 && <p data-testid="no-versions">No agent has checked for updates yet.</p>}
      {(list.data?.versions.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="version-list">
            <thead><tr><th>Version</th><th>Channel</th><th className="num">Devices</th></tr></thead>
            <tbody>
              {(list.data?.versions ?? []).map((v) => (
                <tr key={`${v.channel} ${v.version}`}><td><code>{v.version}</code></td><td>{v.channel}</td><td className="num">{v.devices}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Releases</h2>
      {list.data?.releases.length === 0 && <p data-testid="no-releases">No releases yet. Upload the files, sign a manifest with <code>deskside-agent release sign</code>, and register it below.</p>}
      {(list.data?.releases.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="release-list">
            <thead>
              <tr><th>Version</th><th>Channel</th><th>Issued</th><th>Expires</th><th>Rollout</th><th>Reaches</th><th className="num">Devices on it</th>{canWrite && <th>Change</th>}</tr>
            </thead>
            <tbody>
              {(list.data?.releases ?? []).map((r) => (
                <ReleaseRow key={r.id} release={r} groups={groups.data ?? []} now={now} canWrite={canWrite} busy={busy} onChange={rollout} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canWrite && (
        <>
          <h2>Upload a file</h2>
          <p>Installers (.exe for NSIS, .zip for macOS, .AppImage) and the headless agent (.tar.gz). The hub answers the size and SHA-512 the manifest needs.</p>
          <label className="admin-form">File <input type="file" data-testid="update-file-input" disabled={busy} onChange={(e) => upload(e.target.files?.[0])} /></label>
          {uploaded && (
            <pre data-testid="uploaded-file"><code>{JSON.stringify({ url: uploaded.url, sha512: uploaded.sha512, size: uploaded.size }, null, 2)}</code></pre>
          )}
          <h2>Register a signed release</h2>
          <form className="admin-form" onSubmit={(e) => { e.preventDefault(); register(); }} data-testid="register-release">
            <label>
              Signed metadata (the line <code>deskside-agent release sign --key release-key.pem --manifest manifest.json</code> printed)
              <textarea rows={4} required value={signedText} onChange={(e) => setSignedText(e.target.value)} spellCheck={false} />
            </label>
            <button type="submit" className="button" disabled={busy}>Register release</button>
          </form>
        </>
      )}

      <h2>Files on this hub</h2>
      {files.data?.length === 0 && <p data-testid="no-update-files">None yet.</p>}
      <ul data-testid="update-file-list">
        {(files.data ?? []).map((f) => (
          <li key={f.file}><a href={f.url} download><SafeText value={f.file} /></a> (<Bytes value={f.size} />)</li>
        ))}
      </ul>
    </section>
  );
}

function ReleaseRow({ release: r, groups, now, canWrite, busy, onChange }: {
  release: AgentRelease;
  groups: Group[];
  now: number;
  canWrite: boolean;
  busy: boolean;
  onChange: (release: AgentRelease, patch: UpdateReleaseRolloutRequest, done: string) => void;
}) {
  const [percent, setPercent] = useState(String(r.rollout.percent));
  const [pilot, setPilot] = useState('');
  const pilots = r.rollout.pilotGroupIds.map((id) => groups.find((g) => g.id === id)?.name ?? 'a deleted group');
  const expired = Date.parse(r.expiresAt) <= now;
  const open = r.rollout.state !== 'withdrawn';
  return (
    <tr data-testid={`release-${r.version}`}>
      <td><code>{r.version}</code>{r.rollback && <> <span className="tag">rollback</span></>}</td>
      <td>{r.channel}</td>
      <td><RelativeTime value={r.issuedAt} now={now} /></td>
      <td>{expired ? <span className="tag">expired</span> : formatDate(r.expiresAt)}</td>
      <td data-testid="rollout-state">{STATE_WORD[r.rollout.state]}</td>
      <td>
        {pilots.length > 0 ? <>Pilot: <SafeText value={pilots.join(', ')} />; </> : null}
        {r.rollout.percent}% of the rest{r.rollout.siteIds.length > 0 ? ` in ${r.rollout.siteIds.length} site(s)` : ''}
      </td>
      <td className="num">{r.devicesOn}</td>
      {canWrite && (
        <td>
          {open && (
            <div className="release-actions">
              {r.rollout.state === 'paused'
                ? <button type="button" className="button" disabled={busy} onClick={() => onChange(r, { state: 'rolling' }, `${r.version} is rolling out.`)}>Start</button>
                : <button type="button" className="button button-quiet" disabled={busy} onClick={() => onChange(r, { state: 'paused' }, `${r.version} paused: nobody new gets it.`)}>Pause</button>}
              <form className="inline-form" onSubmit={(e) => { e.preventDefault(); onChange(r, { percent: Number(percent) }, `${r.version} now reaches ${percent}% of the other PCs.`); }}>
                <label>Share <input type="number" min={0} max={100} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} aria-label={`Share of PCs for ${r.version}`} /></label>
                <button type="submit" className="button button-quiet" disabled={busy}>Set %</button>
              </form>
              {groups.length > 0 && (
                <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (pilot) onChange(r, { pilotGroupIds: [...new Set([...r.rollout.pilotGroupIds, pilot])] }, 'Pilot group added.'); }}>
                  <select value={pilot} onChange={(e) => setPilot(e.target.value)} aria-label={`Pilot group for ${r.version}`}>
                    <option value="">Pilot group…</option>
                    {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                  </select>
                  <button type="submit" className="button button-quiet" disabled={busy || !pilot}>Add</button>
                </form>
              )}
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => { if (window.confirm(`Withdraw ${r.version} for good? PCs that have it keep it until you register a signed rollback.`)) onChange(r, { state: 'withdrawn' }, `${r.version} withdrawn.`); }}
              >Withdraw</button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
