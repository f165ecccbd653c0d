import { DeviceChangesQuerySchema, DeviceMergeRequestSchema, IdSchema, type DeviceChangesResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { seesSite } from '../../services/access/site-scope.js';
import { toDeviceChange } from '../../services/inventory-history/device-history-view.js';
import { mergeDevices } from '../../services/inventory-history/merge-devices.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

const DEFAULT_PAGE = 100;

/**
 * GET /api/v1/devices/:id/changes?before=&limit= (newest first) and
 * POST /api/v1/devices/:id/merge {intoId}: folds record :id into intoId (see mergeDevices).
 */
export function deviceHistoryRoutes(store: Store, clock: Clock): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices/:id/changes',
      permission: 'devices.read',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const query = parseWith(DeviceChangesQuerySchema, queryObject(ctx.query), 'query');
        const device = await store.devices.findById(id);
        if (!device || !seesSite(requireUser(ctx), device.siteId)) throw new ServiceError('not_found', 'No such device.');
        const rows = await store.changes.list(id, { ...(query.before ? { before: new Date(query.before) } : {}), limit: query.limit ?? DEFAULT_PAGE });
        const answer: DeviceChangesResponse = { changes: rows.map(toDeviceChange) };
        return { json: answer };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/devices/:id/merge',
      permission: 'devices.write',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const body = parseWith(DeviceMergeRequestSchema, await readJsonBody(ctx.req), 'body');
        const user = requireUser(ctx);
        const answer = await mergeDevices({ store, clock, canSee: (siteId) => seesSite(user, siteId) }, id, body.intoId);
        return { json: answer };
      },
    },
  ];
}
