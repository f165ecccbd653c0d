import { type Kysely, type Migration, sql } from 'kysely';

/** Consented fixes (issue #18): one row per request, one active run per device. */
export const fixRunsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('fix_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('requested_by_id', 'text')
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('exit_code', 'integer')
      .addColumn('duration_ms', 'bigint')
      .addColumn('output', 'text')
      .addColumn('bytes_freed', 'bigint')
      .execute();
    // One fix at a time per device, held by the database so two hubs cannot both start one.
    await sql`create unique index fix_runs_one_active on fix_runs (device_id) where active = 1`.execute(db);
    await db.schema.createIndex('fix_runs_device').on('fix_runs').columns(['device_id', 'created_at']).execute();
    await db.schema.createIndex('fix_runs_ticket').on('fix_runs').columns(['ticket_id', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('fix_runs').execute();
  },
};
