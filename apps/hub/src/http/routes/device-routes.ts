import { DeviceListQuerySchema, IdSchema, type DeviceListResponse } from '@deskside/protocol';
import { ServiceError } from '../../services/service-error.js';
import type { FleetQueries } from '../fleet-queries.js';
import type { Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/** GET /api/v1/devices[?q=&status=] and GET /api/v1/devices/:id. */
export function deviceRoutes(fleet: FleetQueries): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices',
      async handler(ctx) {
        const query = parseWith(DeviceListQuerySchema, queryObject(ctx.query), 'query');
        const answer: DeviceListResponse = { devices: await fleet.list(query) };
        return { json: answer };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/devices/:id',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const device = await fleet.detail(id);
        if (!device) throw new ServiceError('not_found', 'No such device.');
        return { json: device };
      },
    },
  ];
}
