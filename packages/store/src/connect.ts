import type { Kysely } from 'kysely';
import type { DatabaseTarget } from './database-url.js';
import type { Database } from './schema.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';

/** An open database and which engine it is. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
}

/**
 * The one place that picks a dialect: `sqlite/` (one connection, the default) or `postgres/`
 * (a `pg` pool, for several hubs on one database).
 */
export function connect(target: DatabaseTarget): Connection {
  switch (target.kind) {
    case 'sqlite-file':
      return { db: openSqlite({ kind: 'file', path: target.path }), dialect: 'sqlite' };
    case 'sqlite-memory':
      return { db: openSqlite({ kind: 'memory' }), dialect: 'sqlite' };
    case 'postgres':
      return { db: openPostgres(target.url).db, dialect: 'postgres' };
  }
}
