import type { Kysely, Migration } from 'kysely';

/**
 * Attempt counters for guessable secrets (passwords, TOTP codes, enrolment tokens): one row per
 * key (e.g. `login-account:alice`, `login-address:192.0.2.7`) holding the attempts of the current
 * fixed window. In the database rather than in memory, so every hub on one database counts the
 * same attempts, and a restart does not reset a lockout.
 */
export const attemptCountersMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('attempt_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      /** Start of the window, epoch ms. */
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .execute();
    // Expired windows are pruned by start time.
    await db.schema.createIndex('attempt_counters_window').on('attempt_counters').column('window_start').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('attempt_counters').execute();
  },
};
