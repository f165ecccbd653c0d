import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for the period-bounded reads of the activity report: "created before the end and not
 * closed before the start" (tickets) and "raised before the end and not resolved before the
 * start" (alerts). The nullable column leads, so SQLite answers the `IS NULL OR >= start` with
 * two index searches (still open; closed/resolved since the start) instead of a table scan.
 */
export const reportIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('tickets_closed_created').on('tickets').columns(['closed_at', 'created_at']).execute();
    await db.schema.createIndex('alerts_resolved_raised').on('alerts').columns(['resolved_at', 'raised_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('alerts_resolved_raised').execute();
    await db.schema.dropIndex('tickets_closed_created').execute();
  },
};
