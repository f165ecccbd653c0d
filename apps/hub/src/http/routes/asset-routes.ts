import { DevicePatchSchema, IdSchema } from '@deskside/protocol';
import type { Actors } from '../../services/access/actor.js';
import { siteScope } from '../../services/access/site-scope.js';
import type { AssetService } from '../../services/assets/asset-service.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/** PATCH /api/v1/devices/:id (asset fields) and GET /api/v1/devices/:id/asset (fields + edit history). */
export function assetRoutes(actors: Actors, assets: AssetService): Route[] {
  return [
    {
      method: 'PATCH',
      path: '/api/v1/devices/:id',
      permission: 'devices.write',
      async handler(ctx) {
        const user = requireUser(ctx);
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const patch = parseWith(DevicePatchSchema, await readJsonBody(ctx.req), 'asset fields');
        const actor = await actors.writer(user);
        return { json: await assets.patch(id, patch, actor, siteScope(user)) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/devices/:id/asset',
      permission: 'devices.read',
      async handler(ctx) {
        const user = requireUser(ctx);
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const answer = await assets.get(id, siteScope(user));
        if (!answer) throw new ServiceError('not_found', 'No such device.');
        return { json: answer };
      },
    },
  ];
}
