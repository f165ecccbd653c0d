import { DeviceChangesQuerySchema, DeviceMergeRequestSchema, IdSchema, type DeviceChangesResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { DevicesAdmin } from '../../services/admin/devices-admin.js';
import { toDeviceChange } from '../../services/inventory-history/device-history-view.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';
import { visibleDevice } from '../../services/access/visible-device.js';

const DEFAULT_PAGE = 100;

/**
 * GET /api/v1/devices/:id/changes?before=&limit= (newest first) and
 * POST /api/v1/devices/:id/merge {intoId}: folds record :id into intoId and ends :id's credential,
 * so it takes the revoke permission and goes through the one revoke path (DevicesAdmin.merge).
 */
export function deviceHistoryRoutes(store: Store, devices: Pick<DevicesAdmin, 'merge'>, onMerged?: (from: { id: string; hostname: string; siteId: string }, intoId: string) => void): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/devices/:id/changes',
      permission: 'devices.read',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const query = parseWith(DeviceChangesQuerySchema, queryObject(ctx.query), 'query');
        await visibleDevice(store.devices, requireUser(ctx), id);
        const rows = await store.changes.list(id, { ...(query.before ? { before: new Date(query.before) } : {}), limit: query.limit ?? DEFAULT_PAGE });
        const answer: DeviceChangesResponse = { changes: rows.map(toDeviceChange) };
        return { json: answer };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/devices/:id/merge',
      permission: 'devices.revoke',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const body = parseWith(DeviceMergeRequestSchema, await readJsonBody(ctx.req), 'body');
        const before = onMerged ? await store.devices.findById(id) : undefined;
        const answer = await devices.merge(requireUser(ctx), id, body.intoId);
        if (before) onMerged?.({ id: before.id, hostname: before.hostname, siteId: before.siteId }, answer.intoId);
        return { json: answer };
      },
    },
  ];
}
