import { useCallback, useState, type FormEvent } from 'react';
import type { Role } from '@deskside/protocol';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';

/** `#/admin/users`: list, create a technician (role, tier), disable / enable. */
export function AdminUsersPage({ api }: { api: AdminApi }) {
  const users = useAdminLoad(useCallback(() => api.users(), [api]));
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'technician' as Role, tier: 1 as 1 | 2 | 3 });
  const [message, setMessage] = useState<string | null>(null);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await api.createUser({ ...form, ...(form.role === 'technician' ? { tier: form.tier } : { tier: undefined }) });
      setMessage(`Created ${form.username}.`);
      setForm({ ...form, username: '', displayName: '', password: '' });
      users.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const setDisabled = async (id: string, disabled: boolean) => {
    try {
      await api.updateUser(id, { disabled });
      users.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      {(message ?? users.error) !== null && <p role="status" data-testid="admin-message"><SafeText value={message ?? users.error ?? ''} /></p>}
      <table className="table" data-testid="user-list">
        <thead>
          <tr><th>Username</th><th>Name</th><th>Role</th><th>Two-factor</th><th>State</th><th /></tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td><SafeText value={u.username} /></td>
              <td><SafeText value={u.displayName} /></td>
              <td>{u.role}{u.tier !== null ? ` (tier ${u.tier})` : ''}</td>
              <td>{u.totpEnabled ? 'on' : 'off'}</td>
              <td>{u.disabledAt === null ? 'active' : 'disabled'}</td>
              <td>
                <button type="button" className="button button-quiet" onClick={() => void setDisabled(u.id, u.disabledAt === null)}>
                  {u.disabledAt === null ? 'Disable' : 'Enable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New user</h2>
      <form className="admin-form" onSubmit={(e) => void create(e)} data-testid="create-user">
        <label>Username <input required maxLength={64} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></label>
        <label>Name <input required maxLength={128} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} /></label>
        <label>Password (12+) <input required type="password" autoComplete="new-password" minLength={12} maxLength={1024} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        <label>
          Role{' '}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            <option value="technician">Technician</option>
            <option value="auditor">Auditor (read-only)</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        {form.role === 'technician' && (
          <label>
            Tier{' '}
            <select value={form.tier} onChange={(e) => setForm({ ...form, tier: Number(e.target.value) as 1 | 2 | 3 })}>
              <option value={1}>1</option>
              <option value={2}>2</option>
              <option value={3}>3</option>
            </select>
          </label>
        )}
        <button type="submit" className="button">Create</button>
      </form>
    </section>
  );
}
