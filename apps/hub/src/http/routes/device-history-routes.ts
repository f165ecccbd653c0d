import { DeviceChangesQuerySchema, DeviceMergeRequestSchema, IdSchema } from '@deskside/protocol';
import type { DevicesAdmin } from '../../services/admin/devices-admin.js';
import type { DeviceViews } from '../../services/fleet/device-views.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

const DEFAULT_PAGE = 100;

/**
 * GET /api/v1/devices/:id/changes?before=&limit= (newest first) and
 * POST /api/v1/devices/:id/merge {intoId}: folds record :id into intoId and ends :id's credential,
 * so it takes the revoke permission and goes through the one revoke path (DevicesAdmin.merge).
 */
export function deviceHistoryRoutes(views: DeviceViews, devices: Pick<DevicesAdmin, 'merge'>, onMerged?: (from: { id: string; hostname: string; siteId: string }, intoId: string) => void): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices/:id/changes',
      permission: 'devices.read',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const query = parseWith(DeviceChangesQuerySchema, queryObject(ctx.query), 'query');
        const page = { ...(query.before ? { before: new Date(query.before) } : {}), limit: query.limit ?? DEFAULT_PAGE };
        return { json: await views.changes(requireUser(ctx), id, page) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/devices/:id/merge',
      permission: 'devices.revoke',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const body = parseWith(DeviceMergeRequestSchema, await readJsonBody(ctx.req), 'body');
        const before = onMerged ? await views.identity(id) : undefined;
        const answer = await devices.merge(requireUser(ctx), id, body.intoId);
        if (before) onMerged?.(before, answer.intoId);
        return { json: answer };
      },
    },
  ];
}
