import { type Kysely, sql } from 'kysely';
import type { Priority, TicketCategory, TicketStatus } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { fromJsonOrUndefined } from '../mapping/json.js';
import { fromMs, fromMsOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { TicketListFilter, TicketRepository } from './ticket-types.js';
import { atomically } from '../repositories/atomically.js';
import { TICKET_COLUMNS, ticketInsert, ticketPatchColumns, toTicket } from './ticket-rows.js';

const SEQUENCE = 'ticket';

export function createTicketRepository(db: Kysely<Database>): TicketRepository {
  const select = (q: Kysely<Database>) =>
    q.selectFrom('tickets').select([...TICKET_COLUMNS, sql<number>`diagnostics is not null`.as('has_diagnostics')]);

  return {
    async create(ticket) {
      return atomically(db, async (trx) => {
        // One row per sequence, bumped in the inserting transaction: numbers are dense and unique.
        const row = await trx
          .insertInto('ticket_sequence')
          .values({ name: SEQUENCE, value: 1 })
          .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`ticket_sequence.value + 1` }))
          .returning('value')
          .executeTakeFirstOrThrow();
        const number = Number(row.value);
        await trx.insertInto('tickets').values(ticketInsert(ticket, number)).execute();
        return number;
      });
    },
    async findById(id) {
      const row = await select(db).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toTicket(row);
    },
    async findByNumber(number) {
      const row = await select(db).where('number', '=', number).executeTakeFirst();
      return row && toTicket(row);
    },
    async findMany(ids) {
      const out = [];
      for (const chunk of chunkForParams(ids, 1)) {
        const rows = await select(db).where('id', 'in', chunk).execute();
        out.push(...rows.map(toTicket));
      }
      return out;
    },
    async list(filter: TicketListFilter) {
      let q = select(db);
      if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', [...filter.statuses]);
      if (filter.assigneeId === null) q = q.where('assignee_id', 'is', null);
      else if (filter.assigneeId !== undefined) q = q.where('assignee_id', '=', filter.assigneeId);
      if (filter.tier !== undefined) q = q.where('tier', '=', filter.tier);
      if (filter.category !== undefined) q = q.where('category', '=', filter.category);
      if (filter.deviceId !== undefined) q = q.where('device_id', '=', filter.deviceId);
      if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
      if (filter.siteIds && filter.siteIds.length > 0) q = q.where('site_id', 'in', [...filter.siteIds]);
      if (filter.incidentId !== undefined) q = q.where('incident_id', '=', filter.incidentId);
      if (filter.mergedIntoId !== undefined) q = q.where('merged_into_id', '=', filter.mergedIntoId);
      if (filter.createdSince !== undefined) q = q.where('created_at', '>=', toMs(filter.createdSince));
      if (filter.resolvedBefore !== undefined) q = q.where('resolved_at', '<', toMs(filter.resolvedBefore));
      q = q.orderBy('created_at', 'desc').orderBy('id', 'desc');
      if (filter.limit !== undefined) q = q.limit(filter.limit);
      return (await q.execute()).map(toTicket);
    },
    async listForPeriod(filter) {
      let q = db
        .selectFrom('tickets')
        .select(['id', 'number', 'category', 'priority', 'status', 'site_id', 'device_id', 'created_at', 'closed_at'])
        .where('created_at', '<', toMs(filter.end))
        // Spelled as an OR, not COALESCE, so both halves can search tickets_closed_created (0007).
        .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', toMs(filter.start))]));
      if (filter.siteIds && filter.siteIds.length > 0) q = q.where('site_id', 'in', [...filter.siteIds]);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.max(1, filter.limit)).execute();
      return rows.map((r) => ({
        id: r.id,
        number: Number(r.number),
        category: r.category as TicketCategory,
        priority: r.priority as Priority,
        status: r.status as TicketStatus,
        siteId: r.site_id,
        deviceId: r.device_id,
        createdAt: fromMs(r.created_at),
        closedAt: fromMsOrNull(r.closed_at),
      }));
    },
    async update(id, patch) {
      const columns = ticketPatchColumns(patch);
      if (Object.keys(columns).length === 0) return;
      await db.updateTable('tickets').set(columns).where('id', '=', id).execute();
    },
    async diagnostics(id) {
      const row = await db.selectFrom('tickets').select('diagnostics').where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : fromJsonOrUndefined(row.diagnostics);
    },
  };
}
