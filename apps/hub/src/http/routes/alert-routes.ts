import {
  AlertListQuerySchema,
  AlertResolveSchema,
  AlertSnoozeSchema,
  IdSchema,
  Timestamp,
  type AlertListQuery,
} from '@deskside/protocol';
import type { Actors } from '../../services/access/actor.js';
import { seesSite, siteFilter } from '../../services/access/site-scope.js';
import type { Actor } from '../../services/alerts/alert-lifecycle.js';
import type { AlertService } from '../../services/alerts/alert-service.js';
import type { AuthenticatedUser } from '../../services/auth/session.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith, queryObject, type ParseSchema } from '../validate.js';
import type { DeviceViews } from '../../services/fleet/device-views.js';

export interface AlertRoutesDeps {
  actors: Actors;
  devices: Pick<DeviceViews, 'visible'>;
  alerts: AlertService;
}

const SnoozeBody = AlertSnoozeSchema.omit({ alertId: true }).strict();
const ResolveBody = AlertResolveSchema.omit({ alertId: true }).strict();
const MaintenanceBody = { until: Timestamp.nullable() };

/**
 * GET /api/v1/alerts[?state=&deviceId=&severity=], GET /api/v1/alerts/:id ({alert, events}),
 * POST /api/v1/alerts/:id/{acknowledge,snooze,resolve}, POST /api/v1/devices/:id/maintenance.
 * A technician scoped to some sites sees and acts on those sites' alerts only (others: not_found).
 */
export function alertRoutes({ actors, devices, alerts }: AlertRoutesDeps): Route[] {
  const actorOf = async (user: AuthenticatedUser): Promise<Actor> => {
    const { userId, name } = await actors.reader(user);
    return { type: 'user', id: userId, name };
  };
  /** The alert id of the path, when the caller may see that alert. */
  const visibleAlert = async (ctx: RouteContext): Promise<string> => {
    const id = parseWith(IdSchema, ctx.params['id'], 'alert id');
    const found = await alerts.get(id);
    if (!found || !seesSite(requireUser(ctx), found.record.siteId)) throw new ServiceError('not_found', 'No such alert.');
    return id;
  };
  const action = (verb: 'acknowledge' | 'snooze' | 'resolve'): Route => ({
    method: 'POST',
    path: `/api/v1/alerts/:id/${verb}`,
    permission: 'alerts.write',
    async handler(ctx) {
      const id = await visibleAlert(ctx);
      const actor = await actorOf(requireUser(ctx));
      if (verb === 'acknowledge') return { json: { alert: await alerts.acknowledge(id, actor) } };
      if (verb === 'snooze') {
        const body = parseWith(SnoozeBody, await readJsonBody(ctx.req), 'snooze');
        return { json: { alert: await alerts.snooze(id, new Date(body.until), actor) } };
      }
      const body = parseWith(ResolveBody, await readJsonBody(ctx.req), 'resolve');
      return { json: { alert: await alerts.resolve(id, body.note, actor) } };
    },
  });

  return [
    {
      method: 'GET',
      path: '/api/v1/alerts',
      permission: 'alerts.read',
      async handler(ctx) {
        const query: AlertListQuery = parseWith(AlertListQuerySchema.strict(), queryObject(ctx.query), 'query');
        const scope = siteFilter(requireUser(ctx));
        const list = await alerts.list({
          ...(query.state ? { states: [query.state] } : {}),
          ...(query.deviceId ? { deviceId: query.deviceId } : {}),
          ...(query.severity ? { severity: query.severity } : {}),
          ...(scope ? { siteIds: scope } : {}),
        });
        return { json: { alerts: list } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/alerts/:id',
      permission: 'alerts.read',
      async handler(ctx) {
        const id = await visibleAlert(ctx);
        const found = await alerts.get(id);
        if (!found) throw new ServiceError('not_found', 'No such alert.');
        return { json: { alert: found.alert, events: found.events } };
      },
    },
    action('acknowledge'),
    action('snooze'),
    action('resolve'),
    {
      method: 'POST',
      path: '/api/v1/devices/:id/maintenance',
      permission: 'alerts.write',
      async handler(ctx) {
        const deviceId = parseWith(IdSchema, ctx.params['id'], 'device id');
        await devices.visible(requireUser(ctx), deviceId);
        const body = parseWith(maintenanceSchema(), await readJsonBody(ctx.req), 'maintenance');
        const until = await alerts.setMaintenance(deviceId, body.until === null ? null : new Date(body.until), await actorOf(requireUser(ctx)));
        return { json: { deviceId, maintenanceUntil: until ? until.toISOString() : null } };
      },
    },
  ];
}

function maintenanceSchema(): ParseSchema<{ until: string | null }> {
  // `{until}` with the protocol's own instant type; built from protocol pieces (the hub has no zod).
  return AlertSnoozeSchema.omit({ alertId: true }).extend(MaintenanceBody).strict();
}
