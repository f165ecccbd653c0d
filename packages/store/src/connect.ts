import type { Kysely } from 'kysely';
import type { DatabaseTarget } from './database-url.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite/open-sqlite.js';

/** An open database and which engine it is. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
}

/**
 * The one place that picks a dialect. Adding PostgreSQL means a `postgres/` folder beside
 * `sqlite/` and one case here; schema, migrations and repositories are already portable.
 */
export function connect(target: DatabaseTarget): Connection {
  switch (target.kind) {
    case 'sqlite-file':
      return { db: openSqlite({ kind: 'file', path: target.path }), dialect: 'sqlite' };
    case 'sqlite-memory':
      return { db: openSqlite({ kind: 'memory' }), dialect: 'sqlite' };
    case 'postgres':
      throw new Error('PostgreSQL support is not built yet: use SQLite (the default, or sqlite:///path.db)');
  }
}
