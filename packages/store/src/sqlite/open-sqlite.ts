import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import { NulSafePlugin } from '../mapping/nul-safe-plugin.js';

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
    if (target.kind === 'file') refuseDamaged(sqlite, target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new NulSafePlugin()] });
  handles.set(db, sqlite);
  return db;
}

const handles = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

/** The better-sqlite3 handle under a Kysely instance made by {@link openSqlite} (for prepared hot-path statements). */
export function sqliteHandleOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return handles.get(db);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Creates the directory (0700) and an empty file (0600) so tokens' hashes are not world-readable.
 * An EXISTING file must be a SQLite database: an empty one (a failed copy, a full disk) or one
 * with another header is refused with a clear message, never silently treated as a new install.
 */
function prepareFile(file: string): string {
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing) {
    const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
    if (existing.size === 0 && !(wal && wal.size > 0)) {
      throw new Error(`The database file ${file} is empty (0 bytes): it is not a Deskside database. Restore it from a backup, or remove it to start a new, empty hub.`);
    }
    if (existing.size > 0) {
      const header = Buffer.alloc(SQLITE_HEADER.length);
      const fd = fs.openSync(file, 'r');
      try {
        fs.readSync(fd, header, 0, header.length, 0);
      } finally {
        fs.closeSync(fd);
      }
      if (!header.equals(SQLITE_HEADER)) throw new Error(`The database file ${file} is not a SQLite database (damaged or overwritten). Restore it from a backup; the hub does not start on it.`);
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // SQLite gives the -wal and -shm files the database file's permissions.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  return file;
}

/**
 * Refuses a damaged database at start (PRAGMA quick_check: every page, index order and record
 * format; about a second per 100 MB) rather than starting a hub whose reads and sign-ins fail later.
 */
function refuseDamaged(sqlite: BetterSqlite3.Database, file: string): void {
  let problems: string[];
  try {
    problems = (sqlite.pragma('quick_check(5)') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  }
  if (problems.length > 0) {
    throw new Error(`The database file ${file} is damaged (${problems.join('; ').slice(0, 300)}). Restore it from a backup; the hub does not start on a damaged database.`);
  }
}
