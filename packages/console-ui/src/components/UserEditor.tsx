import type { AdminUser, Role, Site, UpdateUserRequest } from '@deskside/protocol';
import { useState, type FormEvent } from 'react';

export interface UserEditorProps {
  user: AdminUser;
  sites: readonly Site[];
  onSave: (change: UpdateUserRequest, what: string) => Promise<void>;
  onClose: () => void;
}

/** Edit one account: name, role and tier, sites, enabled; reset its password or second factor. Each change says what it ends. */
export function UserEditor({ user, sites, onSave, onClose }: UserEditorProps) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [tier, setTier] = useState<1 | 2 | 3>(user.tier ?? 1);
  const [allSites, setAllSites] = useState(user.siteIds.length === 0);
  const [siteIds, setSiteIds] = useState<string[]>(user.siteIds);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const change: UpdateUserRequest = {};
    if (displayName.trim() !== user.displayName) change.displayName = displayName.trim();
    if (role !== user.role) change.role = role;
    if (role === 'technician' && tier !== user.tier) change.tier = tier;
    const nextSites = allSites ? [] : siteIds;
    if (JSON.stringify([...nextSites].sort()) !== JSON.stringify([...user.siteIds].sort())) change.siteIds = nextSites;
    if (Object.keys(change).length === 0) return onClose();
    setBusy(true);
    await onSave(change, `Saved ${user.username}.`);
    setBusy(false);
  };
  const act = async (change: UpdateUserRequest, what: string) => {
    setBusy(true);
    await onSave(change, what);
    setBusy(false);
  };

  return (
    <section className="panel user-editor" aria-labelledby="edit-user-title" data-testid="user-editor">
      <div className="panel-head">
        <h2 id="edit-user-title">Edit {user.username}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>Name</span>
          <input required maxLength={128} value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="edit-display-name" />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="edit-role">
            <option value="technician">Technician</option>
            <option value="auditor">Auditor (read-only)</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        {role === 'technician' && (
          <label className="field">
            <span>Tier</span>
            <select value={tier} onChange={(e) => setTier(Number(e.target.value) as 1 | 2 | 3)} data-testid="edit-tier">
              <option value={1}>Tier 1 — first line</option>
              <option value={2}>Tier 2 — escalations</option>
              <option value={3}>Tier 3 — specialists</option>
            </select>
          </label>
        )}
        <fieldset className="site-picker">
          <legend>Sites</legend>
          <label className="check">
            <input type="checkbox" checked={allSites} onChange={(e) => setAllSites(e.target.checked)} data-testid="edit-all-sites" /> Every site
          </label>
          {!allSites &&
            sites.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={siteIds.includes(s.id)}
                  onChange={(e) => setSiteIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
                  data-testid="edit-site"
                />{' '}
                {s.name}
              </label>
            ))}
        </fieldset>
        <p className="muted form-note">Changing the role, tier or sites signs the person out: they sign in again with the new rights.</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="edit-save">
            Save changes
          </button>
        </div>
      </form>
      <div className="user-editor-danger">
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act({ password }, `New password set for ${user.username}; their sessions ended.`).then(() => setPassword(''));
          }}
        >
          <label className="field">
            <span>New password (12 characters or more)</span>
            <input type="password" autoComplete="new-password" minLength={12} maxLength={1024} required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="edit-password" />
          </label>
          <button type="submit" className="button" disabled={busy} data-testid="edit-reset-password">
            Reset password
          </button>
        </form>
        <div className="inline-form">
          <span>Second factor: {user.totpEnabled ? 'on' : 'off'}</span>
          <button type="button" className="button" disabled={busy || !user.totpEnabled} onClick={() => void act({ resetSecondFactor: true }, `Second factor removed for ${user.username}; they enrol again from My account.`)} data-testid="edit-reset-2fa">
            Reset second factor
          </button>
          <button
            type="button"
            className={user.disabledAt === null ? 'button button-danger' : 'button'}
            disabled={busy}
            onClick={() => void act({ disabled: user.disabledAt === null }, user.disabledAt === null ? `${user.username} is disabled and signed out.` : `${user.username} can sign in again.`)}
            data-testid="edit-toggle-disabled"
          >
            {user.disabledAt === null ? 'Disable account' : 'Enable account'}
          </button>
        </div>
      </div>
    </section>
  );
}
