import { CreateWebhookRequestSchema, IdSchema } from '@deskside/protocol';
import type { WebhookService } from '../../services/integrations/webhook-service.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith } from '../validate.js';

const idOf = (ctx: RouteContext) => parseWith(IdSchema, ctx.params['id'], 'webhook id');

/** `/api/v1/webhooks…`: event subscriptions, their delivery log and "send test" (admins; auditors read). */
export function webhookRoutes(webhooks: WebhookService): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/webhooks',
      permission: 'webhooks.read',
      handler: async () => ({ json: { webhooks: await webhooks.list() } }),
    },
    {
      method: 'POST',
      path: '/api/v1/webhooks',
      permission: 'webhooks.write',
      async handler(ctx) {
        const body = parseWith(CreateWebhookRequestSchema, await readJsonBody(ctx.req), 'webhook');
        return { status: 201, json: await webhooks.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/webhooks/:id',
      permission: 'webhooks.write',
      handler: async (ctx) => ({ json: await webhooks.remove(requireUser(ctx), idOf(ctx)) }),
    },
    {
      method: 'GET',
      path: '/api/v1/webhooks/:id/deliveries',
      permission: 'webhooks.read',
      handler: async (ctx) => ({ json: { deliveries: await webhooks.deliveries(idOf(ctx), 100) } }),
    },
    {
      method: 'POST',
      path: '/api/v1/webhooks/:id/test',
      permission: 'webhooks.write',
      handler: async (ctx) => ({ json: await webhooks.sendTest(requireUser(ctx), idOf(ctx)) }),
    },
  ];
}
