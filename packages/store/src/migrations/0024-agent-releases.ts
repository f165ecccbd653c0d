import type { Kysely, Migration } from 'kysely';

/** Agent releases with their rollout rings, and the version each device last reported (#17). */
export const agentReleasesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('agent_releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('rollback', 'integer', (c) => c.notNull())
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('signed', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('pilot_group_ids', 'text', (c) => c.notNull())
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('site_ids', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // One statement per (channel, version, issue time): registering the same signed file twice is a conflict.
    await db.schema.createIndex('agent_releases_issue').on('agent_releases').columns(['channel', 'version', 'issued_at']).unique().execute();
    await db.schema.createIndex('agent_releases_offered').on('agent_releases').columns(['channel', 'state', 'issued_at']).execute();
    await db.schema
      .createTable('agent_versions')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('agent_versions').execute();
    await db.schema.dropTable('agent_releases').execute();
  },
};
