import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../mapping/dialect.js';

/**
 * Several hubs on one PostgreSQL: the table socket.io's PostgreSQL adapter keeps broadcasts too
 * big for a NOTIFY in (8 kB), pruned by the adapter itself. Nothing on SQLite (one hub).
 */
export const clusterMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!isPostgres(db)) return;
    await sql`create table socket_io_attachments (id bigserial unique, created_at timestamptz default now(), payload bytea)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (isPostgres(db)) await sql`drop table if exists socket_io_attachments`.execute(db);
  },
};
