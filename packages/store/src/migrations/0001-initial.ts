import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres, jsonColumnType } from '../mapping/dialect.js';
import { createInventorySearchIndex } from './postgres-search.js';

// Migrations take Kysely<unknown>: they describe the database as it was at that version, not as
// schema.ts describes it today. Types are portable: `bigint` is INTEGER affinity on SQLite and
// int8 on PostgreSQL (instants in epoch ms, byte counts); JSON documents are `jsonb` on PostgreSQL
// and `text` on SQLite (jsonColumnType); other JSON (small id lists) is `text` on both.

/** Sites, accounts, sessions, enrolment tokens, devices and what agents send about them. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .execute();
    // lower() on both sides of every lookup: "Admin" and "admin" are one account.
    await db.schema
      .createIndex('users_username_lower_unique')
      .on('users')
      .unique()
      .expression(sql`lower(username)`)
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('enroll_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('max_uses', 'integer')
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('revoked_at', 'bigint')
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('machine_id', 'text', (c) => c.notNull())
      .addColumn('hostname', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('declared_presence', 'text')
      .addColumn('last_status', 'text')
      .addColumn('inventory_hash', 'text')
      .addColumn('inventory_updated_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .addColumn('os', 'text')
      .addColumn('cpu', 'text')
      .addColumn('ram_bytes', 'bigint')
      .addColumn('disk_used_bytes', 'bigint')
      .addColumn('disk_total_bytes', 'bigint')
      .addColumn('ip', 'text')
      .execute();
    // Not unique: cloned images share a machine id, and the hub raises an alert for that.
    await db.schema.createIndex('devices_machine_id').on('devices').column('machine_id').execute();
    await db.schema.createIndex('devices_site_id').on('devices').column('site_id').execute();

    await db.schema
      .createTable('inventories')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('document', jsonColumnType(db), (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    if (isPostgres(db)) await createInventorySearchIndex(db);

    // No uniqueness on (device_id, message_id): processed_messages already makes a retried
    // heartbeat a no-op in the same transaction, and every extra index slows the hottest insert.
    await db.schema
      .createTable('health_samples')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('metrics', jsonColumnType(db), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('health_samples_device_at').on('health_samples').columns(['device_id', 'at']).execute();
    // Lets prune(before) range-scan instead of reading the whole (largest) table.
    await db.schema.createIndex('health_samples_at').on('health_samples').column('at').execute();

    // No foreign key to devices: the dedup record must not depend on which kind of message it was.
    await db.schema
      .createTable('processed_messages')
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload_hash', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('processed_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('processed_messages_pk', ['device_id', 'message_id'])
      .execute();
    await db.schema
      .createIndex('processed_messages_processed_at')
      .on('processed_messages')
      .column('processed_at')
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
