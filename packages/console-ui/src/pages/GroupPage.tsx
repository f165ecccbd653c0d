import type { Role } from '@deskside/protocol';
import { useCallback } from 'react';
import type { GroupsApi } from '../api/groups-api.js';
import { devicePath } from '../app/routes.js';
import { GroupPolicyPanel } from '../components/GroupPolicyPanel.js';
import { SafeText } from '../components/SafeText.js';
import { filterSummary, GROUP_KIND_LABELS } from '../format/group-form.js';
import { statusLabel } from '../format/status.js';
import { useAdminLoad } from './use-admin-load.js';

/** `#/groups/:id`: the group's filter, its devices (links to their pages) and its health policy. */
export function GroupPage({ api, id, role }: { api: GroupsApi; id: string; role: Role }) {
  const groups = useAdminLoad(useCallback(() => api.listGroups(), [api]));
  const devices = useAdminLoad(useCallback(() => api.groupDevices(id), [api, id]));
  const group = groups.data?.find((g) => g.id === id);

  return (
    <section aria-labelledby="group-title">
      <p>
        <a href="#/groups">All groups</a>
      </p>
      <h1 id="group-title" data-testid="group-title">
        {group ? <SafeText value={group.name} /> : groups.data ? 'No such group' : 'Group'}
      </h1>
      {group && (
        <p className="page-meta">
          {GROUP_KIND_LABELS[group.kind]} · <SafeText value={filterSummary(group.filter)} />
        </p>
      )}
      {(groups.error ?? devices.error) !== null && (
        <p role="alert" className="error-text">
          <SafeText value={groups.error ?? devices.error ?? ''} />
        </p>
      )}
      <h2>Devices</h2>
      {devices.data === null ? (
        <p className="muted">Loading…</p>
      ) : devices.data.length === 0 ? (
        <p className="muted">No device matches this group.</p>
      ) : (
        <ul className="group-devices" data-testid="group-devices">
          {devices.data.map((d) => (
            <li key={d.id} data-testid="group-device">
              <a href={`#${devicePath(d.id)}`}>
                <SafeText value={d.hostname} fallback="(no hostname)" />
              </a>{' '}
              <span className="muted">{statusLabel(d.status)}</span>
            </li>
          ))}
        </ul>
      )}
      {group && <GroupPolicyPanel api={api} groupId={id} canEdit={role === 'admin'} />}
    </section>
  );
}
