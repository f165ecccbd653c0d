import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Named write locks: one row per serialized append (the audit hash chain). A transaction that
 * bumps its row first holds the row (PostgreSQL) or the database's write lock (SQLite) until it
 * commits, so two hubs on one database cannot both chain onto the same last row.
 */
export const writeLocksMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('write_locks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('taken', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into write_locks (name, taken) values ('audit', 0)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('write_locks').execute();
  },
};
