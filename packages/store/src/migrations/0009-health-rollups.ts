import type { Kysely, Migration } from 'kysely';

/**
 * Hourly health rollups: raw samples are kept at full resolution for days, then folded into one
 * row per (device, hour) and deleted (see maintenance/health-rollup.ts). Sums and counts, not
 * averages, are stored so that a late sample for an hour already rolled up merges exactly.
 */
export const healthRollupsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('health_rollups')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      /** Start of the UTC hour, epoch ms. */
      .addColumn('hour', 'bigint', (c) => c.notNull())
      .addColumn('samples', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'bigint', (c) => c.notNull())
      .addColumn('cpu_sum', 'double precision', (c) => c.notNull())
      .addColumn('cpu_max', 'double precision', (c) => c.notNull())
      .addColumn('mem_used_sum', 'double precision', (c) => c.notNull())
      .addColumn('mem_used_max', 'bigint', (c) => c.notNull())
      .addColumn('mem_total', 'bigint', (c) => c.notNull())
      .addColumn('uptime_seconds', 'bigint', (c) => c.notNull())
      .addColumn('disk_last_at', 'bigint')
      .addColumn('disk_used_last', 'bigint')
      .addColumn('disk_used_max', 'bigint')
      .addColumn('disk_total', 'bigint')
      .addColumn('wifi_samples', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('wifi_signal_sum', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('wifi_signal_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('wifi_signal_min', 'integer')
      .addColumn('wifi_quality_sum', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('wifi_quality_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('wifi_quality_min', 'integer')
      .addPrimaryKeyConstraint('health_rollups_pk', ['device_id', 'hour'])
      .execute();
    // Retention prunes by hour across devices; the primary key serves per-device range reads.
    await db.schema.createIndex('health_rollups_hour').on('health_rollups').column('hour').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('health_rollups').execute();
  },
};
