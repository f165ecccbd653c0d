import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Channels (#16): every ticket records how it reached the desk; mail taken from mailboxes and
 * sent by the hub is remembered by Message-ID (idempotent intake, reply threading); outgoing mail
 * waits in a durable outbox until the SMTP server accepted it.
 */
export const channelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tickets').addColumn('channel', 'text', (c) => c.notNull().defaultTo('tray')).execute();
    // Before channels, a technician-created ticket was a console one (alert tickets included).
    await sql`update tickets set channel = 'console' where source = 'technician'`.execute(db);
    await db.schema.createIndex('tickets_channel').on('tickets').columns(['channel', 'created_at']).execute();
    await db.schema
      .createTable('mail_messages')
      // The RFC 5322 Message-ID without brackets, or `sha256:<hex>` of the raw message when it has none.
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('mailbox', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mail_messages_ticket').on('mail_messages').columns(['ticket_id']).execute();
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('in_reply_to', 'text')
      .addColumn('references_ids', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('mail_outbox').execute();
    await db.schema.dropTable('mail_messages').execute();
    await db.schema.dropIndex('tickets_channel').execute();
    await db.schema.alterTable('tickets').dropColumn('channel').execute();
  },
};
