import type { Kysely, Selectable } from 'kysely';
import type { Attachment } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { fromMs, numberOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { TicketAttachmentsTable } from './schema-tickets.js';
import type { TicketAttachmentRecord, TicketAttachmentRepository } from './ticket-types.js';

/** Attachment metadata; the bytes live in files under the data directory, never in rows. */
export function createTicketAttachmentRepository(db: Kysely<Database>): TicketAttachmentRepository {
  return {
    async add(a) {
      await db
        .insertInto('ticket_attachments')
        .values({
          id: a.id,
          ticket_id: a.ticketId,
          kind: a.kind,
          media_type: a.mediaType,
          bytes: a.bytes,
          width: a.width,
          height: a.height,
          storage_path: a.storagePath,
          sha256: a.sha256,
          created_at: toMs(a.createdAt),
        })
        .execute();
    },
    async listForTickets(ticketIds) {
      const out: TicketAttachmentRecord[] = [];
      for (const chunk of chunkForParams(ticketIds, 1)) {
        const rows = await db.selectFrom('ticket_attachments').selectAll().where('ticket_id', 'in', chunk).orderBy('created_at').execute();
        out.push(...rows.map(toAttachment));
      }
      return out;
    },
    async find(ticketId, id) {
      const row = await db.selectFrom('ticket_attachments').selectAll().where('ticket_id', '=', ticketId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toAttachment(row);
    },
  };
}

function toAttachment(row: Selectable<TicketAttachmentsTable>): TicketAttachmentRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind as Attachment['kind'],
    mediaType: row.media_type as Attachment['mediaType'],
    bytes: Number(row.bytes),
    width: numberOrNull(row.width),
    height: numberOrNull(row.height),
    storagePath: row.storage_path,
    sha256: row.sha256,
    createdAt: fromMs(row.created_at),
  };
}
