import { useCallback, useState, type FormEvent } from 'react';
import type { AdminUser, Role, Site, UpdateUserRequest } from '@deskside/protocol';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { UserEditor } from '../components/UserEditor.js';
import { formatDateTime } from '../format/relative-time.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', technician: 'Technician', auditor: 'Auditor' };

/** `#/admin/users`: every account with role, tier, sites, second factor and state; edit one; create one. */
export function AdminUsersPage({ api, editId }: { api: AdminApi; editId?: string | undefined }) {
  const users = useAdminLoad(useCallback(() => api.users(), [api]));
  const sites = useAdminLoad(useCallback(() => api.sites(), [api]));
  const [editing, setEditing] = useState<string | null>(editId ?? null);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'technician' as Role, tier: 1 as 1 | 2 | 3 });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const siteName = (id: string) => (sites.data ?? []).find((s: Site) => s.id === id)?.name ?? 'unknown site';

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await api.createUser({ ...form, ...(form.role === 'technician' ? { tier: form.tier } : { tier: undefined }) });
      setMessage({ text: `Created ${form.username}.`, error: false });
      setForm({ ...form, username: '', displayName: '', password: '' });
      users.reload();
    } catch (caught) {
      setMessage({ text: errorText(caught), error: true });
    }
  };
  const save = async (id: string, change: UpdateUserRequest, what: string) => {
    try {
      await api.updateUser(id, change);
      setMessage({ text: what, error: false });
      users.reload();
    } catch (caught) {
      setMessage({ text: errorText(caught), error: true });
    }
  };
  const editingUser = (users.data ?? []).find((u: AdminUser) => u.id === editing);

  return (
    <>
      <div className="page-header">
        <h1 id="users-title">Users</h1>
        <p className="page-meta">{users.data ? `${users.data.length} account${users.data.length === 1 ? '' : 's'}` : 'Loading…'}</p>
      </div>
      {(message ?? (users.error ? { text: users.error, error: true } : null)) && (
        <p className={message?.error || (!message && users.error) ? 'form-error' : 'notice'} role="status" data-testid="admin-message">
          <SafeText value={message?.text ?? users.error ?? ''} />
        </p>
      )}
      {editingUser && <UserEditor key={`${editingUser.id}:${editingUser.disabledAt}:${editingUser.totpEnabled}`} user={editingUser} sites={sites.data ?? []} onSave={(c, w) => save(editingUser.id, c, w)} onClose={() => setEditing(null)} />}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Accounts">
        <table className="data-table" data-testid="user-list">
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Sites</th>
              <th scope="col">Second factor</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data === null && !users.error && (
              <tr>
                <td colSpan={8}>
                  <div className="skeleton skeleton-line" role="status" aria-label="Loading accounts" />
                </td>
              </tr>
            )}
            {(users.data ?? []).map((u: AdminUser) => (
              <tr key={u.id} data-testid="user-row" data-username={u.username} className={u.id === editing ? 'row-selected' : undefined}>
                <th scope="row">
                  <SafeText value={u.username} />
                </th>
                <td>
                  <SafeText value={u.displayName} />
                </td>
                <td>
                  {ROLE_LABEL[u.role]}
                  {u.tier !== null ? ` · tier ${u.tier}` : ''}
                </td>
                <td>{u.siteIds.length === 0 ? <span className="muted">Every site</span> : u.siteIds.map(siteName).join(', ')}</td>
                <td>
                  <span className={u.totpEnabled ? 'tag tag-ok' : 'tag'}>{u.totpEnabled ? '✓ On' : 'Off'}</span>
                </td>
                <td>
                  <span className={u.disabledAt === null ? 'tag tag-ok' : 'tag tag-off'} data-testid="user-state">
                    {u.disabledAt === null ? '● Active' : '○ Disabled'}
                  </span>
                </td>
                <td title={formatDateTime(u.createdAt)}>{formatDateTime(u.createdAt).slice(0, 10)}</td>
                <td>
                  <button type="button" className="button button-small" onClick={() => setEditing(u.id)} data-testid="edit-user" aria-label={`Edit ${u.username}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel new-user" aria-labelledby="new-user-title">
        <h2 id="new-user-title">New user</h2>
        <form className="form-grid" onSubmit={(e) => void create(e)} data-testid="create-user">
          <label className="field">
            <span>Username</span>
            <input required maxLength={64} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          </label>
          <label className="field">
            <span>Name</span>
            <input required maxLength={128} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
          <label className="field">
            <span>Password (12 characters or more)</span>
            <input required type="password" autoComplete="new-password" minLength={12} maxLength={1024} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
          </label>
          <label className="field">
            <span>Role</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              <option value="technician">Technician</option>
              <option value="auditor">Auditor (read-only)</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          {form.role === 'technician' && (
            <label className="field">
              <span>Tier</span>
              <select value={form.tier} onChange={(e) => setForm({ ...form, tier: Number(e.target.value) as 1 | 2 | 3 })}>
                <option value={1}>Tier 1 — first line</option>
                <option value={2}>Tier 2 — escalations</option>
                <option value={3}>Tier 3 — specialists</option>
              </select>
            </label>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Create user
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
