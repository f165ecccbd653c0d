import { CannedResponseCreateSchema, IdSchema, IncidentReplySchema, IncidentResolveSchema, SlaSettingsSchema } from '@deskside/protocol';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/** Incidents, canned responses and SLA settings: the ticket desk's other resources. */
export function incidentRoutes(tickets: TicketService): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/incidents',
      permission: 'tickets.read',
      handler: async (ctx) => ({ json: { incidents: await tickets.incidents.list(requireUser(ctx)) } }),
    },
    {
      method: 'POST',
      path: '/api/v1/incidents/:id/reply',
      permission: 'tickets.write',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'incident id');
        const body = parseWith(IncidentReplySchema, await readJsonBody(ctx.req), 'reply');
        return { json: await tickets.incidents.reply(requireUser(ctx), id, body.body) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/incidents/:id/resolve',
      permission: 'tickets.write',
      async handler(ctx) {
        const id = parseWith(IdSchema, ctx.params['id'], 'incident id');
        const body = parseWith(IncidentResolveSchema, await readJsonBody(ctx.req), 'resolution');
        return { json: await tickets.incidents.resolve(requireUser(ctx), id, body.note) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/canned-responses',
      permission: 'tickets.read',
      handler: async () => ({ json: { cannedResponses: await tickets.canned.list() } }),
    },
    {
      method: 'POST',
      path: '/api/v1/canned-responses',
      permission: 'tickets.write',
      async handler(ctx) {
        const user = requireUser(ctx);
        const body = parseWith(CannedResponseCreateSchema, await readJsonBody(ctx.req), 'canned response');
        return { status: 201, json: await tickets.canned.create(user, body) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/sla-settings',
      permission: 'tickets.read',
      handler: async () => ({ json: (await tickets.sla.current()).settings }),
    },
    {
      method: 'PUT',
      path: '/api/v1/sla-settings',
      permission: 'policies.write',
      async handler(ctx) {
        const body = parseWith(SlaSettingsSchema, await readJsonBody(ctx.req), 'SLA settings');
        return { json: (await tickets.sla.replace(body)).settings };
      },
    },
  ];
}
