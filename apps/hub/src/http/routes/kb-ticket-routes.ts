import { IdSchema, KbTicketLinkSchema } from '@deskside/protocol';
import type { KbService } from '../../services/kb/create-kb.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith } from '../validate.js';

/** The knowledge base beside a ticket: suggestions, a draft article from it, links put in replies. */
export function kbTicketRoutes(kb: KbService): Route[] {
  const ticketId = (ctx: RouteContext) => parseWith(IdSchema, ctx.params['id'], 'ticket id');
  return [
    {
      method: 'GET',
      path: '/api/v1/tickets/:id/kb',
      permission: 'kb.read',
      handler: async (ctx) => ({ json: await kb.tickets.suggestFor(requireUser(ctx), ticketId(ctx)) }),
    },
    {
      method: 'GET',
      path: '/api/v1/tickets/:id/kb-draft',
      permission: 'kb.write',
      handler: async (ctx) => ({ json: await kb.tickets.draftFrom(requireUser(ctx), ticketId(ctx)) }),
    },
    {
      method: 'POST',
      path: '/api/v1/tickets/:id/kb-links',
      permission: 'tickets.write',
      async handler(ctx) {
        const body = parseWith(KbTicketLinkSchema, await readJsonBody(ctx.req), 'article link');
        await kb.tickets.linkedInReply(requireUser(ctx), ticketId(ctx), body.articleId);
        return { json: { ok: true } };
      },
    },
  ];
}
