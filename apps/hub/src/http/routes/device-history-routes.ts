import { DeviceChangesQuerySchema, DeviceMergeRequestSchema, IdSchema, type DeviceChangesResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { readerActor } from '../../services/assets/actor.js';
import type { AuditActor } from '../../services/audit/audit-service.js';
import { seesSite } from '../../services/access/site-scope.js';
import { toDeviceChange } from '../../services/inventory-history/device-history-view.js';
import { mergeDevices } from '../../services/inventory-history/merge-devices.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';
import { visibleDevice } from '../../services/access/visible-device.js';

const DEFAULT_PAGE = 100;

/** Records a technician action in the audit log (never throws). */
export type DeviceHistoryAudit = (actor: AuditActor, action: string, target: string, details: Record<string, unknown>) => Promise<void>;

/**
 * GET /api/v1/devices/:id/changes?before=&limit= (newest first) and
 * POST /api/v1/devices/:id/merge {intoId}: folds record :id into intoId (see mergeDevices); an
 * irreversible change, so every merge is audited as `device.merge` when an audit log is given.
 */
export function deviceHistoryRoutes(store: Store, clock: Clock, audit?: DeviceHistoryAudit, onMerged?: (from: { id: string; hostname: string; siteId: string }, intoId: string) => void): Route[] {
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
      permission: 'devices.write',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'device id');
        const body = parseWith(DeviceMergeRequestSchema, await readJsonBody(ctx.req), 'body');
        const user = requireUser(ctx);
        const before = onMerged ? await store.devices.findById(id) : undefined;
        const answer = await mergeDevices({ store, clock, canSee: (siteId) => seesSite(user, siteId) }, id, body.intoId);
        if (before) onMerged?.({ id: before.id, hostname: before.hostname, siteId: before.siteId }, answer.intoId);
        if (audit) {
          const actor = await readerActor(store, user);
          await audit({ id: actor.userId, name: actor.name }, 'device.merge', `device:${answer.mergedId}`, {
            intoId: answer.intoId,
            movedChanges: answer.movedChanges,
            movedHealthSamples: answer.movedHealthSamples,
            movedHealthRollups: answer.movedHealthRollups,
            movedInventory: answer.movedInventory,
          });
        }
        return { json: answer };
      },
    },
  ];
}
