import { FixBulkCreateSchema, FixPolicySchema, FixRunCreateSchema, IdSchema } from '@deskside/protocol';
import type { FixBulk } from '../../services/fixes/fix-bulk.js';
import type { FixService } from '../../services/fixes/fix-service.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith } from '../validate.js';

/** Consented fixes: the catalogue, asking a device for one, its runs, the administrator's policy. */
export function fixRoutes(fixes: FixService, bulk: FixBulk): Route[] {
  const id = (ctx: RouteContext, what: string) => parseWith(IdSchema, ctx.params['id'], what);
  return [
    { method: 'GET', path: '/api/v1/actions', permission: 'fixes.read', handler: async (ctx) => ({ json: { actions: await fixes.catalogue(requireUser(ctx)) } }) },
    {
      method: 'POST',
      path: '/api/v1/devices/:id/actions',
      permission: 'fixes.run',
      async handler(ctx) {
        const deviceId = id(ctx, 'device id');
        const body = parseWith(FixRunCreateSchema, await readJsonBody(ctx.req), 'fix');
        return { status: 202, json: { run: await fixes.request(requireUser(ctx), deviceId, body) } };
      },
    },
    { method: 'GET', path: '/api/v1/devices/:id/actions', permission: 'fixes.read', handler: async (ctx) => ({ json: { runs: await fixes.forDevice(requireUser(ctx), id(ctx, 'device id')) } }) },
    { method: 'GET', path: '/api/v1/tickets/:id/actions', permission: 'fixes.read', handler: async (ctx) => ({ json: { runs: await fixes.forTicket(requireUser(ctx), id(ctx, 'ticket id')) } }) },
    {
      method: 'POST',
      path: '/api/v1/groups/:id/actions/preview',
      permission: 'fixes.run',
      async handler(ctx) {
        const body = parseWith(FixBulkCreateSchema, await readJsonBody(ctx.req), 'fix');
        return { json: await bulk.preview(requireUser(ctx), id(ctx, 'group id'), body) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/groups/:id/actions',
      permission: 'fixes.run',
      async handler(ctx) {
        const body = parseWith(FixBulkCreateSchema, await readJsonBody(ctx.req), 'fix');
        return { status: 202, json: await bulk.request(requireUser(ctx), id(ctx, 'group id'), body) };
      },
    },
    { method: 'GET', path: '/api/v1/actions/policy', permission: 'policies.read', handler: async () => ({ json: await fixes.policy() }) },
    {
      method: 'PUT',
      path: '/api/v1/actions/policy',
      permission: 'policies.write',
      async handler(ctx) {
        const body = parseWith(FixPolicySchema, await readJsonBody(ctx.req), 'fix policy');
        return { json: await fixes.setPolicy(requireUser(ctx), body) };
      },
    },
  ];
}
