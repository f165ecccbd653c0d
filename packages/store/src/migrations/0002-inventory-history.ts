import { type Kysely, type Migration } from 'kysely';
import { jsonColumnType } from '../mapping/dialect.js';

/** Inventory change history per device, and reinstall candidates / merges. */
export const inventoryHistoryMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('device_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('before', jsonColumnType(db))
      .addColumn('after', jsonColumnType(db))
      .execute();
    // The device page reads the newest rows of one device; paging walks back in time.
    await db.schema.createIndex('device_changes_device_at').on('device_changes').columns(['device_id', 'at']).execute();

    await db.schema
      .createTable('device_links')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
      .addColumn('candidate_id', 'text')
      .addColumn('matched_on', 'text')
      .addColumn('merged_into_id', 'text')
      .addColumn('merged_at', 'bigint')
      // Normalized "serial|model" from the latest inventory, when both are usable; and its MACs (JSON).
      .addColumn('identity_key', 'text')
      .addColumn('macs', 'text')
      .execute();
    await db.schema.createIndex('device_links_identity_key').on('device_links').column('identity_key').execute();
  },
};
