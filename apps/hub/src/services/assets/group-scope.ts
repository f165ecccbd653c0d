import type { Group, GroupCreate, GroupPatch } from '@deskside/protocol';
import { governsSites, seesSite, siteFilter } from '../access/site-scope.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import type { Actor } from '../access/actor.js';
import type { GroupService } from './group-service.js';

/** The sites a group spans: its filter's site, or `[]` for a hub-wide group. */
export function groupSites(group: Pick<Group, 'filter'>): string[] {
  return group.filter.siteId ? [group.filter.siteId] : [];
}

/** Whether `who` may see the group: a site group of theirs, or a hub-wide one. */
export function seesGroup(who: AuthenticatedUser, group: Pick<Group, 'filter'>): boolean {
  return group.filter.siteId === undefined || seesSite(who, group.filter.siteId);
}

/**
 * Groups (and so the health policies attached to them) as one signed-in person may use them:
 * another site's group does not exist for them (404); a hub-wide group is read-only to a
 * site-scoped technician (403), who creates groups of their own sites only, so a site-B
 * technician can never rename, retarget or delete a site-A group, or widen theirs to the hub.
 */
export function groupsFor(groups: GroupService, who: AuthenticatedUser) {
  const visible = async (id: string): Promise<Group> => {
    const group = await groups.get(id);
    if (!group || !seesGroup(who, group)) throw new ServiceError('not_found', 'No such group.');
    return group;
  };
  const mayChange = (group: Pick<Group, 'filter'>): void => {
    if (governsSites(who, groupSites(group))) return;
    throw new ServiceError('forbidden', siteFilter(who)?.length === 1 || group.filter.siteId === undefined ? 'Groups for the whole hub are managed by administrators; set the group to one of your sites.' : 'That site is not one of yours.');
  };
  return {
    list: async (): Promise<Group[]> => (await groups.list()).filter((g) => seesGroup(who, g)),
    get: visible,
    async create(input: GroupCreate, actor: Actor): Promise<Group> {
      mayChange(input);
      return groups.create(input, actor);
    },
    async update(id: string, patch: GroupPatch, actor: Actor): Promise<Group> {
      const current = await visible(id);
      mayChange(current);
      mayChange({ filter: patch.filter ?? current.filter });
      return groups.update(id, patch, actor);
    },
    async remove(id: string, actor: Actor): Promise<void> {
      mayChange(await visible(id));
      await groups.remove(id, actor);
    },
  };
}
