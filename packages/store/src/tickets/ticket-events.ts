import type { Kysely, Selectable } from 'kysely';
import type { TicketEvent } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { TicketEventsTable } from './schema-tickets.js';
import type { TicketEventRepository } from './ticket-types.js';

const COLUMNS_PER_ROW = 11;

/** A ticket's history: append-only, one row per change. */
export function createTicketEventRepository(db: Kysely<Database>): TicketEventRepository {
  return {
    async append(events) {
      for (const chunk of chunkForParams(events, COLUMNS_PER_ROW)) {
        if (chunk.length === 0) continue;
        await db
          .insertInto('ticket_events')
          .values(
            chunk.map((e) => ({
              id: e.id,
              ticket_id: e.ticketId,
              at: toMs(new Date(e.at)),
              actor_type: e.actor.type,
              actor_user_id: e.actor.userId,
              actor_name: e.actor.name,
              type: e.type,
              visibility: e.visibility,
              body: e.body,
              from_value: e.from,
              to_value: e.to,
            })),
          )
          .execute();
      }
    },
    async listForTickets(ticketIds) {
      const out: TicketEvent[] = [];
      for (const chunk of chunkForParams(ticketIds, 1)) {
        const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', 'in', chunk).execute();
        out.push(...rows.map(toEvent));
      }
      // ULIDs sort by creation, so the id breaks ties between events of the same millisecond.
      return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    },
    async listOfType(ticketIds, types) {
      const out: TicketEvent[] = [];
      if (types.length === 0) return out;
      // 500 ids + a few types per statement: well inside SQLite's and PostgreSQL's parameter limits.
      for (let i = 0; i < ticketIds.length; i += 500) {
        const chunk = ticketIds.slice(i, i + 500);
        const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', 'in', chunk).where('type', 'in', [...types]).execute();
        out.push(...rows.map(toEvent));
      }
      return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    },
  };
}

function toEvent(row: Selectable<TicketEventsTable>): TicketEvent {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    at: new Date(Number(row.at)).toISOString(),
    actor: { type: row.actor_type as TicketEvent['actor']['type'], userId: row.actor_user_id, name: row.actor_name },
    type: row.type as TicketEvent['type'],
    visibility: row.visibility as TicketEvent['visibility'],
    body: row.body,
    from: row.from_value,
    to: row.to_value,
  };
}
