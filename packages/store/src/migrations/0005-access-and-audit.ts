import type { Kysely, Migration } from 'kysely';

/**
 * Identity and access: technician tiers and site scopes, TOTP second factors, device quarantine
 * (approval), and the append-only, hash-chained audit log.
 */
export const accessAndAuditMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('users').addColumn('tier', 'integer').execute();
    // JSON array of site ids; '[]' means every site.
    await db.schema
      .alterTable('users')
      .addColumn('site_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await db.schema
      .alterTable('devices')
      .addColumn('approval', 'text', (c) => c.notNull().defaultTo('active'))
      .execute();
    await db.schema.createIndex('devices_approval').on('devices').column('approval').execute();

    // One row per user with a TOTP secret (pending until confirmed). The secret is encrypted by
    // the hub (AES-256-GCM, key outside the database); `last_step` blocks replay of a used code.
    await db.schema
      .createTable('user_totp')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('secret_enc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('confirmed_at', 'bigint')
      .addColumn('last_step', 'bigint')
      .execute();

    // Append-only. `prev_hash` is unique, so two writers racing to extend the chain cannot both
    // succeed and fork it silently: the loser fails and retries.
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  },
};
