import { type Kysely, type Migration } from 'kysely';
import { jsonColumnType } from '../mapping/dialect.js';

/** The ticket desk: tickets with a human number sequence, their history, attachments, incidents, SLA setup. */
export const ticketsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('network', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'integer', (c) => c.notNull().unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('tier', 'integer', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('requester', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('network', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('first_response_at', 'bigint')
      .addColumn('resolved_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addColumn('sla_pauses', 'text', (c) => c.notNull())
      .addColumn('first_response_breached_at', 'bigint')
      .addColumn('resolution_breached_at', 'bigint')
      .addColumn('time_spent_minutes', 'integer', (c) => c.notNull())
      .addColumn('merged_into_id', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('linked_alert_ids', 'text', (c) => c.notNull())
      .addColumn('diagnostics', jsonColumnType(db))
      .execute();
    await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'priority']).execute();
    await db.schema.createIndex('tickets_device').on('tickets').columns(['device_id', 'created_at']).execute();
    await db.schema.createIndex('tickets_category_created').on('tickets').columns(['category', 'created_at']).execute();
    await db.schema.createIndex('tickets_incident').on('tickets').column('incident_id').execute();
    await db.schema.createIndex('tickets_merged_into').on('tickets').column('merged_into_id').execute();

    await db.schema
      .createTable('ticket_sequence')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ticket_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('from_value', 'text')
      .addColumn('to_value', 'text')
      .execute();
    await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'at']).execute();

    await db.schema
      .createTable('ticket_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('storage_path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_attachments_ticket').on('ticket_attachments').column('ticket_id').execute();

    await db.schema
      .createTable('canned_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sla_targets')
      .addColumn('priority', 'text', (c) => c.primaryKey())
      .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
      .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('business_calendars')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('calendar', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['business_calendars', 'sla_targets', 'canned_responses', 'ticket_attachments', 'ticket_events', 'ticket_sequence', 'tickets', 'incidents']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
