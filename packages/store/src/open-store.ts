import { sql } from 'kysely';
import { connect } from './connect.js';
import { resolveDatabaseTarget } from './database-url.js';
import { createStoreMaintenance } from './maintenance/store-maintenance.js';
import { migrateToLatest } from './migrations/index.js';
import { postgresJobLeases, singleHubLeases } from './postgres/job-leases.js';
import { postgresPoolOf, redactDatabaseUrl } from './postgres/open-postgres.js';
import { createRepositories } from './repositories/create-repositories.js';
import { prepareHotStatements } from './sqlite/hot-statements.js';
import { sqliteHandleOf } from './sqlite/open-sqlite.js';
import { TransactionGuard } from './transaction-guard.js';
import { withRetries } from './transaction-retry.js';
import type { OpenStoreOptions, Store } from './types.js';

/**
 * Opens the database (SQLite in `<dataDir>/deskside.db` by default), brings its schema up to date
 * and answers the repositories. Refuses a database written by a newer Deskside.
 *
 * While a `transaction(fn)` runs, `fn` must use the repositories it is handed, not the store's:
 * SQLite has one connection, so a store call from inside `fn` would wait for `fn` forever. Such a
 * call (or a nested transaction) throws at once instead (TransactionGuard).
 *
 * Concurrency is explicit: several connections (hubs, a CLI) may write one database. Message ids
 * are claimed insert-first (`messages.claim`), the audit chain is appended under its write lock
 * (`audit.lockChain`), and `transaction(fn, { retries })` re-runs `fn` when a concurrent writer
 * made the database refuse it (see transaction-retry.ts).
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const target = resolveDatabaseTarget(options);
  const { db, dialect } = connect(target);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    if (target.kind !== 'postgres') throw error;
    // Name the server (password masked) and say why; the URL itself is never echoed.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the PostgreSQL database ${redactDatabaseUrl(target.url)}: ${message}`, { cause: error });
  }
  let closed: Promise<void> | undefined;
  const sqlite = sqliteHandleOf(db);
  // Only transactions get them: there the store holds SQLite's one connection (see HotStatements).
  const hot = sqlite ? prepareHotStatements(sqlite) : undefined;
  const guard = new TransactionGuard();
  return {
    dialect,
    ...guard.guardRepositories(createRepositories(db)),
    ...guard.guardRepositories({ maintenance: createStoreMaintenance(db, dialect) }),
    transaction: (fn, options = {}) => {
      guard.check('transaction()');
      const once = () => {
        const begin = db.transaction();
        // SQLite runs one writer at a time (serializable); the level matters on PostgreSQL only.
        const builder = dialect === 'postgres' && options.isolation ? begin.setIsolationLevel(options.isolation) : begin;
        return builder.execute((trx) => fn(createRepositories(trx, hot)));
      };
      return guard.run(() => withRetries(once, options.retries ?? 0));
    },
    openJobLeases() {
      const pool = postgresPoolOf(db);
      return pool ? postgresJobLeases(pool.options) : singleHubLeases();
    },
    postgresPool: postgresPoolOf(db),
    async ping() {
      guard.check('ping()');
      await sql`select 1`.execute(db);
    },
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
