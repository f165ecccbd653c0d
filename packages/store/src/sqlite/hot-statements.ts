import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ProcessedMessagesTable } from '../schema.js';

/** A `processed_messages` row as SQLite hands it back. */
export type ProcessedMessageRow = Selectable<ProcessedMessagesTable>;

/**
 * The heartbeat path's statements, prepared once per database. Kysely would build, compile and
 * have SQLite prepare a new multi-row statement for every batch; at thousands of heartbeats a
 * second that was a large share of the hub's CPU. Repositories use these only inside a transaction
 * of the store (which holds SQLite's one connection), so they run within that BEGIN … COMMIT.
 * Another engine (PostgreSQL) simply has none and keeps the portable Kysely queries.
 */
export interface HotStatements {
  insertSample: BetterSqlite3.Statement<[string, string, number, string]>;
  /** The first outcome stands: a retry must get back what was first acknowledged. */
  insertMessage: BetterSqlite3.Statement<[string, string, string, string, string | null, number]>;
  getMessage: BetterSqlite3.Statement<[string, string], ProcessedMessageRow>;
}

export function prepareHotStatements(sqlite: BetterSqlite3.Database): HotStatements {
  return {
    insertSample: sqlite.prepare('insert into health_samples (device_id, message_id, at, metrics) values (?, ?, ?, ?)'),
    insertMessage: sqlite.prepare(
      'insert into processed_messages (device_id, message_id, kind, payload_hash, result, processed_at) values (?, ?, ?, ?, ?, ?) ' +
        'on conflict (device_id, message_id) do nothing',
    ),
    getMessage: sqlite.prepare(
      'select device_id, message_id, kind, payload_hash, result, processed_at from processed_messages where device_id = ? and message_id = ?',
    ),
  };
}
