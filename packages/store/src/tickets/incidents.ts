import type { Kysely, Selectable } from 'kysely';
import type { TicketCategory } from '@deskside/protocol';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { IncidentsTable } from './schema-tickets.js';
import type { IncidentRecord, IncidentRepository } from './ticket-types.js';

export function createIncidentRepository(db: Kysely<Database>): IncidentRepository {
  return {
    async create(i) {
      await db
        .insertInto('incidents')
        .values({
          id: i.id,
          category: i.category,
          site_id: i.siteId,
          network: i.network,
          status: i.status,
          created_at: toMs(i.createdAt),
          resolved_at: toMsOrNull(i.resolvedAt),
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toIncident(row);
    },
    async list(status) {
      let q = db.selectFrom('incidents').selectAll();
      if (status !== undefined) q = q.where('status', '=', status);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
      return rows.map(toIncident);
    },
    async resolve(id, at) {
      await db.updateTable('incidents').set({ status: 'resolved', resolved_at: toMs(at) }).where('id', '=', id).execute();
    },
  };
}

function toIncident(row: Selectable<IncidentsTable>): IncidentRecord {
  return {
    id: row.id,
    category: row.category as TicketCategory,
    siteId: row.site_id,
    network: row.network,
    status: row.status === 'resolved' ? 'resolved' : 'open',
    createdAt: fromMs(row.created_at),
    resolvedAt: fromMsOrNull(row.resolved_at),
  };
}
