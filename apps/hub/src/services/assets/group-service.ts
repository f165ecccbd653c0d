import type { Group, GroupCreate, GroupPatch } from '@deskside/protocol';
import type { FleetPageFilter, GroupRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { ServiceError } from '../service-error.js';
import type { Actor } from '../access/actor.js';
import type { AssetAuditHook } from './audit-hook.js';
import { applyGroupFilter } from './fleet-filter.js';

export interface GroupServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  audit: AssetAuditHook;
}

/**
 * Device groups: named saved filters. Alert policies attach to groups and ask
 * `devicesInGroup` / `groupsOfDevice`; membership is computed from the filter at that moment,
 * so a device moved to another department changes groups without anyone re-filing it.
 */
export interface GroupService {
  list(): Promise<Group[]>;
  get(id: string): Promise<Group | undefined>;
  create(input: GroupCreate, actor: Actor): Promise<Group>;
  update(id: string, patch: GroupPatch, actor: Actor): Promise<Group>;
  remove(id: string, actor: Actor): Promise<void>;
  /** Ids of the non-revoked devices in the group now (empty for an unknown group). */
  devicesInGroup(groupId: string): Promise<string[]>;
  /** Ids of the groups the device belongs to now. */
  groupsOfDevice(deviceId: string): Promise<string[]>;
  /** The store filter a group stands for (for listing and exporting its devices). */
  filterOf(group: Group): FleetPageFilter;
}

const MAX_GROUPS = 500;
const PAGE = 2_000;

export function createGroupService(deps: GroupServiceDeps): GroupService {
  const { store } = deps;
  const filterOf = (group: Pick<Group, 'filter'>): FleetPageFilter => {
    const filter: FleetPageFilter = {};
    const terms: string[] = [];
    applyGroupFilter(filter, terms, group.filter);
    if (terms.length > 0) filter.q = terms;
    return filter;
  };

  const audit = (actor: Actor, action: string, id: string, details: Record<string, unknown>) =>
    deps.audit({ actorId: actor.userId, actorName: actor.name, action, target: `group:${id}`, details });

  return {
    list: async () => (await store.groups.list()).map(toGroup),
    get: async (id) => {
      const g = await store.groups.findById(id);
      return g ? toGroup(g) : undefined;
    },
    async create(input, actor) {
      if ((await store.groups.list()).length >= MAX_GROUPS) throw new ServiceError('conflict', `A hub keeps at most ${MAX_GROUPS} groups.`);
      const now = deps.clock();
      const record: GroupRecord = { id: deps.newId(), name: input.name, kind: input.kind, filter: input.filter, createdAt: now, updatedAt: now };
      await store.groups.create(record);
      await audit(actor, 'group.create', record.id, { name: record.name, kind: record.kind, filter: record.filter });
      return toGroup(record);
    },
    async update(id, patch, actor) {
      const current = await store.groups.findById(id);
      if (!current) throw new ServiceError('not_found', 'No such group.');
      const next: GroupRecord = { ...current, ...patch, updatedAt: deps.clock() };
      if (next.kind !== 'filter' && next.filter[next.kind] === undefined) {
        throw new ServiceError('invalid_payload', `A ${next.kind} group names that field in its filter.`);
      }
      if (!(await store.groups.update(next))) throw new ServiceError('not_found', 'No such group.');
      await audit(actor, 'group.update', id, { before: toGroup(current), after: toGroup(next) });
      return toGroup(next);
    },
    async remove(id, actor) {
      if (!(await store.groups.delete(id))) throw new ServiceError('not_found', 'No such group.');
      await audit(actor, 'group.delete', id, {});
    },
    async devicesInGroup(groupId) {
      const group = await store.groups.findById(groupId);
      if (!group) return [];
      const filter = filterOf(group);
      const ids: string[] = [];
      let after: { hostname: string; id: string } | null = null;
      for (;;) {
        const page = await store.assets.page(filter, after, PAGE);
        for (const row of page) ids.push(row.device.id);
        const last = page.at(-1);
        if (page.length < PAGE || last === undefined) return ids;
        after = { hostname: last.device.hostname, id: last.device.id };
      }
    },
    async groupsOfDevice(deviceId) {
      const out: string[] = [];
      for (const group of await store.groups.list()) {
        const n = await store.assets.count({ ...filterOf(group), deviceIds: [deviceId] });
        if (n > 0) out.push(group.id);
      }
      return out;
    },
    filterOf,
  };
}

function toGroup(record: GroupRecord): Group {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    filter: record.filter,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
