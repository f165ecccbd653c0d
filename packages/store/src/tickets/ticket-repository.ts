import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { isPostgres } from '../mapping/dialect.js';
import { ticketTextMatch } from './ticket-text-match.js';
import type { Priority, TicketCategory, TicketStatus } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { fromJsonOrUndefined } from '../mapping/json.js';
import { fromMs, fromMsOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { TicketListFilter, TicketRepository } from './ticket-types.js';
import { atomically } from '../repositories/atomically.js';
import { TICKET_COLUMNS, ticketInsert, ticketPatchColumns, toTicket } from './ticket-rows.js';

const SEQUENCE = 'ticket';

/** The filter's conditions on any query over `tickets`. */
function filtered<O>(query: SelectQueryBuilder<Database, 'tickets', O>, filter: TicketListFilter, postgres: boolean): SelectQueryBuilder<Database, 'tickets', O> {
  let q = query;
  if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.priorities && filter.priorities.length > 0) q = q.where('priority', 'in', [...filter.priorities]);
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
  if (filter.text !== undefined && filter.text.trim() !== '') q = q.where(ticketTextMatch(filter.text, postgres));
  return q;
}

/** The sort's ORDER BY, always ending on the id so pages never overlap or skip. */
function ordered<O>(q: SelectQueryBuilder<Database, 'tickets', O>, filter: TicketListFilter): SelectQueryBuilder<Database, 'tickets', O> {
  const sort = filter.sort ?? 'created';
  const newestFirst = sort === 'created' || sort === 'updated';
  const dir: 'asc' | 'desc' = filter.order ?? (newestFirst ? 'desc' : 'asc');
  switch (sort) {
    case 'queue':
      return q.orderBy('priority', dir).orderBy('created_at', dir).orderBy('id', dir);
    case 'number':
      return q.orderBy('number', dir);
    case 'subject':
      return q.orderBy(sql`lower(subject)`, dir).orderBy('number', dir);
    case 'status':
      return q.orderBy('status', dir).orderBy('priority', dir).orderBy('number', dir);
    case 'priority':
      return q.orderBy('priority', dir).orderBy('number', dir);
    case 'created':
      return q.orderBy('created_at', dir).orderBy('id', dir);
    case 'updated':
      return q.orderBy('updated_at', dir).orderBy('id', dir);
    case 'assignee':
      // Unassigned last either way round: they are not "before A".
      return q
        .orderBy(sql`assignee_id is null`)
        .orderBy(sql`(select lower(display_name) from users where users.id = tickets.assignee_id)`, dir)
        .orderBy('number', dir);
    case 'device':
      return q
        .orderBy(sql`device_id is null`)
        .orderBy(sql`(select lower(hostname) from devices where devices.id = tickets.device_id)`, dir)
        .orderBy('number', dir);
  }
}

export function createTicketRepository(db: Kysely<Database>): TicketRepository {
  const postgres = isPostgres(db);
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
      let q = filtered(select(db), filter, postgres);
      q = ordered(q, filter);
      if (filter.limit !== undefined) q = q.limit(filter.limit);
      if (filter.offset !== undefined && filter.offset > 0) q = q.offset(filter.offset);
      return (await q.execute()).map(toTicket);
    },
    async count(filter: TicketListFilter) {
      const row = await filtered(db.selectFrom('tickets').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')), filter, postgres).executeTakeFirst();
      return Number(row?.n ?? 0);
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
