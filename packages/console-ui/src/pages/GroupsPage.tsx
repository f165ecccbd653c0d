import type { Group, Role } from '@deskside/protocol';
import { useCallback, useEffect, useState } from 'react';
import type { GroupsApi } from '../api/groups-api.js';
import { groupPath } from '../app/routes.js';
import { GroupForm } from '../components/GroupForm.js';
import { SafeText } from '../components/SafeText.js';
import { draftFromGroup, EMPTY_GROUP_DRAFT, filterSummary, GROUP_KIND_LABELS } from '../format/group-form.js';
import { errorText, useAdminLoad } from './use-admin-load.js';
import { formatNumber } from '../format/relative-time.js';

/** Admins and technicians change groups; auditors read (the hub answers 403 to them anyway). */
export function canWriteGroups(role: Role): boolean {
  return role === 'admin' || role === 'technician';
}

/** `#/groups`: every group with its filter and device count; create, edit and delete for writers. */
export function GroupsPage({ api, role }: { api: GroupsApi; role: Role }) {
  const groups = useAdminLoad(useCallback(() => api.listGroups(), [api]));
  const counts = useDeviceCounts(api, groups.data);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const writer = canWriteGroups(role);

  const save = (group: Group | null) => async (value: Parameters<GroupsApi['createGroup']>[0]) => {
    try {
      if (group === null) await api.createGroup(value);
      else await api.updateGroup(group.id, value);
    } catch (caught) {
      throw new Error(errorText(caught));
    }
    setMessage(`Saved ${value.name}.`);
    setEditing(null);
    groups.reload();
  };
  const remove = async (group: Group) => {
    setConfirming(null);
    try {
      await api.deleteGroup(group.id);
      setMessage(`Deleted ${group.name}.`);
      groups.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };

  return (
    <section aria-labelledby="groups-title">
      <div className="page-header">
        <h1 id="groups-title">Groups</h1>
        {writer && editing !== 'new' && (
          <button type="button" className="button button-primary" data-testid="group-create" onClick={() => setEditing('new')}>
            New group
          </button>
        )}
      </div>
      {(message ?? groups.error) !== null && (
        <p role="status" data-testid="group-message">
          <SafeText value={message ?? groups.error ?? ''} />
        </p>
      )}
      {editing === 'new' && (
        <section className="panel" aria-labelledby="new-group-title">
          <h2 id="new-group-title">New group</h2>
          <GroupForm initial={EMPTY_GROUP_DRAFT} submitLabel="Create group" onSubmit={save(null)} onCancel={() => setEditing(null)} />
        </section>
      )}
      <div className="table-wrap" tabIndex={0}>
      <table className="data-table" data-testid="group-list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Devices in it</th>
            <th scope="col">Count</th>
            {writer && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {groups.data?.length === 0 && (
            <tr>
              <td colSpan={writer ? 5 : 4} className="muted">No groups yet.</td>
            </tr>
          )}
          {(groups.data ?? []).map((g) =>
            editing === g.id ? (
              <tr key={g.id} data-testid="group-row" data-group-id={g.id}>
                <td colSpan={writer ? 5 : 4}>
                  <GroupForm initial={draftFromGroup(g)} submitLabel="Save group" onSubmit={save(g)} onCancel={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={g.id} data-testid="group-row" data-group-id={g.id}>
                <td>
                  <a href={`#${groupPath(g.id)}`}>
                    <SafeText value={g.name} />
                  </a>
                </td>
                <td>{GROUP_KIND_LABELS[g.kind]}</td>
                <td>
                  <SafeText value={filterSummary(g.filter)} />
                </td>
                <td data-testid="group-count">{counts.get(g.id) ?? '…'}</td>
                {writer && (
                  <td className="row-actions">
                    <button type="button" className="button button-quiet" data-testid="group-edit" onClick={() => setEditing(g.id)}>
                      Edit<span className="visually-hidden"> {g.name}</span>
                    </button>
                    {confirming === g.id ? (
                      <>
                        <button type="button" className="button button-danger" data-testid="group-delete-confirm" onClick={() => void remove(g)}>
                          Delete for good
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button button-quiet" data-testid="group-delete" onClick={() => setConfirming(g.id)}>
                        Delete<span className="visually-hidden"> {g.name}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
      </div>
    </section>
  );
}

/** Each group's device count (`GET /api/v1/groups/:id/devices`), or "?" when it could not be read. */
function useDeviceCounts(api: GroupsApi, groups: readonly Group[] | null): ReadonlyMap<string, string> {
  const [counts, setCounts] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (groups === null) return;
    let live = true;
    for (const g of groups) {
      api.groupDevices(g.id).then(
        (devices) => live && setCounts((c) => new Map(c).set(g.id, formatNumber(devices.length))),
        () => live && setCounts((c) => new Map(c).set(g.id, '?')),
      );
    }
    return () => {
      live = false;
    };
  }, [api, groups]);
  return counts;
}
