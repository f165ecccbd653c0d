import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { pruneHealthRollups, pruneKbSearches, pruneMessages } from './bounded-prune.js';
import { rollUpHealthBatch } from './health-rollup.js';
import type { StoreMaintenance } from './maintenance-types.js';

/** The store's upkeep over its own database handle (never a transaction's). */
export function createStoreMaintenance(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): StoreMaintenance {
  return {
    rollUpHealth: (before, limit) => rollUpHealthBatch(db, before, limit),
    pruneHealthRollups: (before, limit) => pruneHealthRollups(db, before, limit),
    pruneMessages: (options) => pruneMessages(db, options),
    pruneKbSearches: (before, limit) => pruneKbSearches(db, before, limit),
    async optimize() {
      // SQLite's advice for long-lived connections: run it periodically. It re-analyzes only the
      // tables whose statistics have drifted, with a bounded sample (SQLite ≥ 3.46), so it stays
      // cheap; PostgreSQL's autovacuum keeps its own statistics.
      if (dialect === 'sqlite') await sql`pragma optimize`.execute(db);
    },
  };
}
