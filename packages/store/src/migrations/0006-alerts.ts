import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Health alerts and their full history, the webhook notification outbox, health policies (global
 * and per group), and a maintenance window per device.
 */
export const alertsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('check_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('threshold', 'double precision')
      .addColumn('raised_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('cleared_at', 'bigint')
      .addColumn('acknowledged_at', 'bigint')
      .addColumn('acknowledged_by', 'text')
      .addColumn('snoozed_until', 'bigint')
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolved_by', 'text')
      .addColumn('flapping', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('ticket_id', 'text')
      .addColumn('notified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The database itself holds "one open alert per key": two racing raises cannot both insert.
    await db.schema
      .createIndex('alerts_open_key_unique')
      .on('alerts')
      .columns(['device_id', 'check_id', 'subject'])
      .unique()
      .where(sql.ref('state'), '<>', 'resolved')
      .execute();
    await db.schema.createIndex('alerts_key_raised').on('alerts').columns(['device_id', 'check_id', 'subject', 'raised_at']).execute();
    await db.schema.createIndex('alerts_state_raised').on('alerts').columns(['state', 'raised_at']).execute();
    await db.schema.createIndex('alerts_snoozed_until').on('alerts').column('snoozed_until').execute();

    await db.schema
      .createTable('alert_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .execute();
    await db.schema.createIndex('alert_events_alert_at').on('alert_events').columns(['alert_id', 'at']).execute();

    // Rows outlive their alert (a digest already sent still happened): no foreign key.
    await db.schema
      .createTable('notification_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .addColumn('failed_at', 'bigint')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('notification_outbox_pending').on('notification_outbox').columns(['sent_at', 'failed_at', 'next_attempt_at']).execute();

    await db.schema
      .createTable('health_policies')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('policy', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema.alterTable('devices').addColumn('maintenance_until', 'bigint').execute();
  },
};
