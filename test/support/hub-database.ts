import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestHub } from './hub.js';

/** Read-only SQL on a test hub's database, whichever engine it runs on (`?` placeholders). */
export interface HubDatabase {
  /** The first row's `n` of a `select count(*) as n …`. */
  count(sql: string, ...args: unknown[]): Promise<number>;
  /** The first row, or undefined. */
  get<T>(sql: string, ...args: unknown[]): Promise<T | undefined>;
  /** SQLite's journal mode ('wal'); undefined on PostgreSQL. */
  readonly journalMode: string | undefined;
  close(): Promise<void>;
}

/** Opens the database of a (stopped or running) test hub: its SQLite file or its PostgreSQL database. */
export async function openHubDatabase(hub: TestHub): Promise<HubDatabase> {
  if (hub.databaseUrl) {
    const client = new pg.Client({ connectionString: hub.databaseUrl });
    await client.connect();
    const query = async <T>(sql: string, args: unknown[]) => {
      let i = 0;
      const res = await client.query(sql.replace(/\?/g, () => `$${++i}`), args);
      return res.rows[0] as T | undefined;
    };
    return {
      count: async (sql, ...args) => Number((await query<{ n: string }>(sql, args))?.n ?? 0),
      get: (sql, ...args) => query(sql, args),
      journalMode: undefined,
      close: () => client.end(),
    };
  }
  const db = new Database(path.join(hub.dataDir, 'deskside.db'), { readonly: true, fileMustExist: true });
  return {
    count: (sql, ...args) => Promise.resolve((db.prepare(sql).get(...args) as { n: number }).n),
    get: <T,>(sql: string, ...args: unknown[]) => Promise.resolve(db.prepare(sql).get(...args) as T | undefined),
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    close: () => Promise.resolve(void db.close()),
  };
}
