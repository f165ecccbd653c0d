import type { Kysely, Selectable } from 'kysely';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { SiteAppearanceTable } from './schema-sites.js';
import type { SiteAppearanceRecord, SiteAppearanceRepository } from './site-types.js';

export function createSiteAppearanceRepository(db: Kysely<Database>): SiteAppearanceRepository {
  return {
    async get(siteId) {
      const row = await db.selectFrom('site_appearance').selectAll().where('site_id', '=', siteId).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },
    async stamp(siteId) {
      const row = await db.selectFrom('site_appearance').select('stamp').where('site_id', '=', siteId).executeTakeFirst();
      return row?.stamp;
    },
    async list() {
      const rows = await db.selectFrom('site_appearance').selectAll().orderBy('site_id').execute();
      return rows.map(toRecord);
    },
    async put(record) {
      const values = { branding: record.branding, language: record.language, stamp: record.stamp, updated_at: toMs(record.updatedAt), updated_by: record.updatedBy };
      await db
        .insertInto('site_appearance')
        .values({ site_id: record.siteId, ...values })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
        .execute();
    },
  };
}

function toRecord(row: Selectable<SiteAppearanceTable>): SiteAppearanceRecord {
  return { siteId: row.site_id, branding: row.branding, language: row.language, stamp: row.stamp, updatedAt: fromMs(row.updated_at), updatedBy: row.updated_by };
}
