import {
  IdSchema,
  TicketAssignSchema,
  TicketCreateRequestSchema,
  TicketEscalateSchema,
  TicketLinkAlertSchema,
  TicketListQuerySchema,
  TicketMergeSchema,
  TicketReplySchema,
  TicketResolveSchema,
  TicketStatusChangeSchema,
  TicketTimeSchema,
  type Ticket,
} from '@deskside/protocol';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith, queryObject } from '../validate.js';
import { attachmentRoute } from './ticket-attachment-route.js';

type User = ReturnType<typeof requireUser>;
/** A ticket as the ticket service stores it (what its queries present). */
type TicketRecord = Parameters<TicketService['queries']['present']>[0][number];

/** `/api/v1/tickets…`: the queue, one ticket, technician-created tickets and every action. */
export function ticketRoutes(tickets: TicketService): Route[] {
  const present = async (record: TicketRecord): Promise<Ticket> => {
    const [ticket] = await tickets.queries.present([record]);
    if (!ticket) throw new Error('present() lost the ticket');
    return ticket;
  };
  const idOf = (ctx: RouteContext) => parseWith(IdSchema, ctx.params['id'], 'ticket id');

  /** A POST action with a validated body, answering the ticket as it now is. */
  const action = <T>(name: string, schema: Parameters<typeof parseWith<T>>[0], run: (user: User, id: string, body: T) => Promise<TicketRecord>): Route => ({
    method: 'POST',
    path: `/api/v1/tickets/:id/${name}`,
    permission: 'tickets.write',
    async handler(ctx) {
      const user = requireUser(ctx);
      const id = idOf(ctx);
      const body = parseWith(schema, await readJsonBody(ctx.req), `${name} request`);
      return { json: await present(await run(user, id, body)) };
    },
  });
  const a = tickets.actions;

  return [
    {
      method: 'GET',
      path: '/api/v1/tickets',
      permission: 'tickets.read',
      async handler(ctx) {
        const query = parseWith(TicketListQuerySchema, queryObject(ctx.query), 'query');
        return { json: await tickets.queries.list(requireUser(ctx), query) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/tickets',
      permission: 'tickets.write',
      async handler(ctx) {
        const body = parseWith(TicketCreateRequestSchema, await readJsonBody(ctx.req), 'ticket');
        return { status: 201, json: await present(await tickets.intake.createFromTechnician(requireUser(ctx), body)) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/tickets/:id',
      permission: 'tickets.read',
      handler: async (ctx) => ({ json: await tickets.queries.detail(requireUser(ctx), idOf(ctx)) }),
    },
    action('reply', TicketReplySchema, (u, id, b) => a.reply(u, id, b.body)),
    action('note', TicketReplySchema, (u, id, b) => a.note(u, id, b.body)),
    action('assign', TicketAssignSchema, (u, id, b) => a.assign(u, id, b.assigneeId)),
    action('escalate', TicketEscalateSchema, (u, id, b) => a.escalate(u, id, b.tier as 1 | 2 | 3, b.note)),
    action('resolve', TicketResolveSchema, (u, id, b) => a.resolve(u, id, b.note)),
    action('status', TicketStatusChangeSchema, (u, id, b) => a.setStatus(u, id, b.status, b.note)),
    action('time', TicketTimeSchema, (u, id, b) => a.logTime(u, id, b.minutes)),
    action('merge', TicketMergeSchema, (u, id, b) => a.merge(u, id, b.intoId)),
    action('link-alert', TicketLinkAlertSchema, (u, id, b) => a.linkAlert(u, id, b.alertId)),
    {
      // No body needed: reopening says everything.
      method: 'POST',
      path: '/api/v1/tickets/:id/reopen',
      permission: 'tickets.write',
      handler: async (ctx) => ({ json: await present(await a.reopen(requireUser(ctx), idOf(ctx))) }),
    },
    attachmentRoute(tickets),
  ];
}
