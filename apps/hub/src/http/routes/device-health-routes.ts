import { HEALTH_HOURLY_MAX_HOURS, HealthHourlyQuerySchema, IdSchema } from '@deskside/protocol';
import type { Clock } from '../../clock.js';
import type { DeviceViews } from '../../services/fleet/device-views.js';
import { ServiceError } from '../../services/service-error.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

const DAY_MS = 24 * 3600 * 1000;
/** A year and a month of hours: what the rollups keep by default, and a bounded answer (~3 MB). */
const MAX_SPAN_MS = (HEALTH_HOURLY_MAX_HOURS / 24) * DAY_MS;
const DEFAULT_SPAN_MS = 30 * DAY_MS;

/**
 * GET /api/v1/devices/:id/health/hourly?from=&to=: the device's hourly health rollups, oldest
 * first, hours starting in [from, to). Hours still inside the full-resolution window (7 days by
 * default) and the hour in progress are folded from the raw samples on the fly, the same way the
 * rollup job folds them, so a 7-day chart is not empty before the job reaches those days.
 */
export function deviceHealthRoutes(devices: DeviceViews, clock: Clock): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices/:id/health/hourly',
      permission: 'devices.read',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const query = parseWith(HealthHourlyQuerySchema, queryObject(ctx.query), 'query');
        const to = query.to ? Date.parse(query.to) : clock().getTime();
        const from = query.from ? Date.parse(query.from) : to - DEFAULT_SPAN_MS;
        if (!(from < to) || to - from > MAX_SPAN_MS) throw new ServiceError('bad_request', 'from must be before to, at most 401 days apart.');
        return { json: await devices.healthHourly(requireUser(ctx), id, new Date(from), new Date(to)) };
      },
    },
  ];
}
