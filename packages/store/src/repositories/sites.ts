import type { Kysely, Selectable } from 'kysely';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database, SitesTable } from '../schema.js';
import type { SiteRecord, SiteRepository } from '../types.js';

export function createSiteRepository(db: Kysely<Database>): SiteRepository {
  return {
    async list() {
      const rows = await db.selectFrom('sites').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toSite);
    },
    async findById(id) {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSite(row);
    },
    async create(site) {
      await db
        .insertInto('sites')
        .values({ id: site.id, name: site.name, created_at: toMs(site.createdAt) })
        .execute();
    },
  };
}

function toSite(row: Selectable<SitesTable>): SiteRecord {
  return { id: row.id, name: row.name, createdAt: fromMs(row.created_at) };
}
