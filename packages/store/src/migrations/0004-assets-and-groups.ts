import { type Kysely, type Migration, sql } from 'kysely';

/** Asset fields technicians keep, their audited edits, device groups, and a fleet-order index. */
export const assetsAndGroupsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('device_assets')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
      .addColumn('asset_tag', 'text')
      .addColumn('assigned_to', 'text')
      .addColumn('department', 'text')
      .addColumn('location', 'text')
      .addColumn('purchase_date', 'text')
      .addColumn('supplier', 'text')
      .addColumn('warranty_end', 'text')
      .addColumn('notes', 'text')
      .addColumn('lifecycle', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .execute();
    // The warranty list is a range scan over this.
    await db.schema.createIndex('device_assets_warranty_end').on('device_assets').column('warranty_end').execute();

    // No foreign key to users: an edit's record must outlive the account that made it.
    await db.schema
      .createTable('asset_edits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('asset_edits_device_at').on('asset_edits').columns(['device_id', 'at']).execute();

    await db.schema
      .createTable('device_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // Keyset pages in the fleet list's order: each page is an index range, not a sort of the table.
    await db.schema
      .createIndex('devices_fleet_order')
      .on('devices')
      .expression(sql`lower(hostname), hostname, id`)
      .execute();
  },
};
