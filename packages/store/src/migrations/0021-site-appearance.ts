import type { Kysely, Migration } from 'kysely';

/**
 * Per-site tray branding (company name, logo, accent colour, help desk contacts) and the tray's
 * default language. One row per site that has set one; a site without a row uses the defaults.
 * The logo is a small raster image kept inline (≤ 64 KB), so every hub of a cluster reads the same.
 */
export const siteAppearanceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('site_appearance')
      .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
      .addColumn('branding', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('stamp', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('site_appearance').execute();
  },
};
