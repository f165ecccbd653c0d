import { IdSchema } from '@deskside/protocol';
import { sniffImage } from '../../services/tickets/image-sniff.js';
import { visibleTicket } from '../../services/tickets/ticket-change.js';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import { ServiceError } from '../../services/service-error.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

const EXTENSION = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/**
 * `GET /api/v1/tickets/:id/attachments/:attachmentId`: the bytes, to technicians who may see the
 * ticket, with the bearer header (the console fetches it as a blob; no token ever goes in a URL).
 * The type is the sniffed one, re-checked on the way out; the answer can neither be sniffed into
 * something else nor run anything (`nosniff`, a sandboxing CSP), and every view is audited.
 */
export function attachmentRoute(tickets: TicketService): Route {
  return {
    method: 'GET',
    path: '/api/v1/tickets/:id/attachments/:attachmentId',
    permission: 'attachments.read',
    async handler(ctx) {
      const user = requireUser(ctx);
      const ticketId = parseWith(IdSchema, ctx.params['id'], 'ticket id');
      const attachmentId = parseWith(IdSchema, ctx.params['attachmentId'], 'attachment id');
      const { store, audit } = tickets.deps;
      await visibleTicket(store, user, ticketId);
      const meta = await store.ticketAttachments.find(ticketId, attachmentId);
      if (!meta) throw new ServiceError('not_found', 'No such attachment.');
      const bytes = await tickets.files.read(meta.storagePath).catch(() => {
        throw new ServiceError('not_found', 'The attachment file is missing.');
      });
      const sniffed = sniffImage(bytes);
      if (!sniffed.ok || sniffed.image.mediaType !== meta.mediaType) throw new ServiceError('internal', 'The stored attachment does not match its record.');
      if (audit) {
        const name = (await store.users.findById(user.userId))?.displayName ?? 'technician';
        await store.transaction((tx) => audit.recordIn(tx, { id: user.userId, name }, 'attachment.view', `ticket:${ticketId}`, { attachmentId }));
      }
      return {
        async stream(res) {
          res.statusCode = 200;
          res.setHeader('Content-Type', meta.mediaType);
          res.setHeader('Content-Length', bytes.length);
          res.setHeader('X-Content-Type-Options', 'nosniff');
          res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
          res.setHeader('Content-Disposition', `inline; filename="screenshot-${meta.id}.${EXTENSION[meta.mediaType]}"`);
          res.setHeader('Cache-Control', 'private, no-store');
          await new Promise<void>((resolve) => res.end(bytes, resolve));
        },
      };
    },
  };
}
