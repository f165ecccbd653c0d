import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Runs a multi-statement write as one unit: inside the caller's transaction when there is one
 * (Kysely cannot nest them), else in a transaction of its own.
 */
export function atomically<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}
