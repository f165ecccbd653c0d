import { DeviceListQuerySchema, IdSchema, type DeviceListResponse } from '@deskside/protocol';
import { seesSite, siteFilter } from '../../services/access/site-scope.js';
import { ServiceError } from '../../services/service-error.js';
import type { FleetQueries } from '../../services/fleet/fleet-queries.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/** GET /api/v1/devices[?q=&status=&sort=&order=&limit=&offset=] and GET /api/v1/devices/:id. */
export function deviceRoutes(fleet: FleetQueries): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices',
      permission: 'devices.read',
      async handler(ctx) {
        const query = parseWith(DeviceListQuerySchema, queryObject(ctx.query), 'query');
        const scope = siteFilter(requireUser(ctx));
        const filter = { ...query, ...(scope ? { siteIds: [...scope] } : {}) };
        // With `limit`: one page and the total; without: every matching device, as before.
        const answer: DeviceListResponse = query.limit !== undefined || query.offset !== undefined ? await fleet.page(filter) : { devices: await fleet.list(filter) };
        return { json: answer };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/devices/:id',
      permission: 'devices.read',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const device = await fleet.detail(id);
        // Another site's device looks like no device at all.
        if (!device || !seesSite(requireUser(ctx), device.siteId)) throw new ServiceError('not_found', 'No such device.');
        return { json: device };
      },
    },
  ];
}
