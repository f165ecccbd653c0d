import type { Group } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';

/** The fleet view's group filter: the groups to pick from, and the picked group's device ids. */
export interface GroupFilter {
  groups: readonly Group[];
  /** Ids the hub lists for the picked group (`GET /api/v1/devices?group=`); null: no group picked or not loaded yet. */
  ids: ReadonlySet<string> | null;
  loading: boolean;
  failed: boolean;
}

/** Loads the groups once, and the members of `group` whenever it changes (the hub resolves the filter). */
export function useGroupFilter(api: HttpClient | undefined, group: string): GroupFilter {
  const [groups, setGroups] = useState<readonly Group[]>([]);
  const [members, setMembers] = useState<{ group: string; ids: ReadonlySet<string> | null; failed: boolean }>({ group: '', ids: null, failed: false });

  useEffect(() => {
    if (api === undefined) return;
    let live = true;
    api.listGroups().then(
      (list) => live && setGroups(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (api === undefined || group === '') return;
    let live = true;
    api.listDevices({ group }).then(
      (devices) => live && setMembers({ group, ids: new Set(devices.map((d) => d.id)), failed: false }),
      () => live && setMembers({ group, ids: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [api, group]);

  const current = group !== '' && members.group === group;
  return {
    groups,
    ids: current ? members.ids : null,
    loading: group !== '' && !current,
    failed: current && members.failed,
  };
}
