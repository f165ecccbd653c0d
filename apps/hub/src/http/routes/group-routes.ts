import { DeviceListQuerySchema, GroupCreateSchema, GroupPatchSchema, IdSchema, type GroupListResponse } from '@deskside/protocol';
import type { Actors } from '../../services/access/actor.js';
import { siteScope } from '../../services/access/site-scope.js';
import type { GroupService } from '../../services/assets/group-service.js';
import { groupsFor } from '../../services/assets/group-scope.js';
import type { FleetQueries } from '../../services/fleet/fleet-queries.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

export interface GroupRoutesDeps {
  actors: Actors;
  groups: GroupService;
  fleet: FleetQueries;
}

/** GET/POST /api/v1/groups, PATCH/DELETE /api/v1/groups/:id, GET /api/v1/groups/:id/devices. */
export function groupRoutes({ actors, groups, fleet }: GroupRoutesDeps): Route[] {
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
        return { status: 201, json: await groupsFor(groups, user).create(input, await actors.writer(user)) };
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
        return { json: await groupsFor(groups, user).update(id, patch, await actors.writer(user)) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/groups/:id',
      permission: 'devices.write',
      async handler(ctx) {
        const id = groupId(ctx.params['id']);
        const user = requireUser(ctx);
        await groupsFor(groups, user).remove(id, await actors.writer(user));
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
        return { json: { devices: await fleet.list({ ...query, group: id, ...(scope ? { siteIds: scope } : {}) }) } };
      },
    },
  ];
}
