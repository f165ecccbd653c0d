import { type Kysely, PostgresAdapter } from 'kysely';

/** Any Kysely handle (a store's, a transaction's, a migration's `Kysely<unknown>`). */
export type AnyKysely = Pick<Kysely<unknown>, 'getExecutor'>;

/**
 * Whether `db` talks to PostgreSQL. The few statements that differ between the engines branch
 * on this; everything else is portable SQL.
 */
export function isPostgres(db: AnyKysely): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The column type of a JSON document: jsonb on PostgreSQL (queryable, indexable), text on SQLite. */
export function jsonColumnType(db: AnyKysely): 'jsonb' | 'text' {
  return isPostgres(db) ? 'jsonb' : 'text';
}
