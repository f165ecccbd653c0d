import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/** Where SQLite lives: a file, or memory (tests, throwaway demos). */
export type SqliteTarget = { kind: 'file'; path: string } | { kind: 'memory' };

/**
 * Opens SQLite through better-sqlite3 with the pragmas durability depends on.
 *
 * - journal_mode=WAL: readers never block the writer and commits append to the log instead of
 *   rewriting pages, which is what lets one hub batch thousands of heartbeats a second.
 * - synchronous=FULL: the hub acknowledges an agent's write only after its transaction commits,
 *   and the agent then forgets it. In WAL mode, NORMAL skips the fsync at commit, so a power cut
 *   could lose a transaction the agent was told is safe. FULL fsyncs the WAL on every commit, so
 *   an acknowledged write survives kill -9 and power loss. The cost is one fsync per commit, which
 *   the hub amortizes by committing batches.
 * - foreign_keys=ON: SQLite leaves them off per connection unless asked.
 * - busy_timeout: a second connection (a CLI, a backup) waits briefly instead of failing at once.
 */
export function openSqlite(target: SqliteTarget): Kysely<Database> {
  const filename = target.kind === 'memory' ? ':memory:' : prepareFile(target.path);
  const sqlite = new BetterSqlite3(filename, { timeout: BUSY_TIMEOUT_MS });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  handles.set(db, sqlite);
  return db;
}

const handles = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/** The better-sqlite3 handle under a Kysely instance made by {@link openSqlite} (for prepared hot-path statements). */
export function sqliteHandleOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return handles.get(db);
}

/** Creates the directory (0700) and an empty file (0600) so tokens' hashes are not world-readable. */
function prepareFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // SQLite gives the -wal and -shm files the database file's permissions.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  return file;
}
