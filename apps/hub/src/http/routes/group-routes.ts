import { DeviceListQuerySchema, GroupCreateSchema, GroupPatchSchema, IdSchema, type GroupListResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { writerActor } from '../../services/assets/actor.js';
import { siteScope } from '../../services/access/site-scope.js';
import { resolveFleetFilter } from '../../services/assets/fleet-filter.js';
import { listFleet } from '../../services/assets/fleet-pages.js';
import type { GroupService } from '../../services/assets/group-service.js';
import { groupsFor } from '../../services/assets/group-scope.js';
import type { FleetQueries } from '../../services/fleet/fleet-queries.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

export interface GroupRoutesDeps {
  store: Store;
  clock: Clock;
  groups: GroupService;
  fleet: FleetQueries;
}

/** GET/POST /api/v1/groups, PATCH/DELETE /api/v1/groups/:id, GET /api/v1/groups/:id/devices. */
export function groupRoutes({ store, clock, groups, fleet }: GroupRoutesDeps): Route[] {
  const groupId = (raw: string | undefined) => parseWith(IdSchema, raw, 'group id');
  return [
    {
      method: 'GET',
      path: '/api/v1/groups',
      permission: 'devices.read',
      async handler(ctx) {
        const answer: GroupListResponse = { groups: await groupsFor(groups, requireUser(ctx)).list() };
        return { json: answer };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/groups',
      permission: 'devices.write',
      async handler(ctx) {
        const input = parseWith(GroupCreateSchema, await readJsonBody(ctx.req), 'group');
        const user = requireUser(ctx);
        return { status: 201, json: await groupsFor(groups, user).create(input, await writerActor(store, user)) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/groups/:id',
      permission: 'devices.write',
      async handler(ctx) {
        const id = groupId(ctx.params['id']);
        const patch = parseWith(GroupPatchSchema, await readJsonBody(ctx.req), 'group');
        const user = requireUser(ctx);
        return { json: await groupsFor(groups, user).update(id, patch, await writerActor(store, user)) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/groups/:id',
      permission: 'devices.write',
      async handler(ctx) {
        const id = groupId(ctx.params['id']);
        const user = requireUser(ctx);
        await groupsFor(groups, user).remove(id, await writerActor(store, user));
        return { json: { deleted: id } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/groups/:id/devices',
      permission: 'devices.read',
      async handler(ctx) {
        const user = requireUser(ctx);
        const id = groupId(ctx.params['id']);
        const query = parseWith(DeviceListQuerySchema, queryObject(ctx.query), 'query');
        await groupsFor(groups, user).get(id);
        const scope = siteScope(user);
        const filter = await resolveFleetFilter(store, { ...query, group: id, ...(scope ? { siteIds: scope } : {}) }, clock());
        return { json: { devices: await listFleet(store, fleet.present, filter, query.status) } };
      },
    },
  ];
}
