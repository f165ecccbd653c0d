import type { Kysely, Selectable } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import { fromMs, fromMsOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import { stringList } from '../integrations/string-list.js';
import type { MailMessageRecord, MailOutcome, MailRepository, OutgoingMailRecord, OutgoingMailStatus } from './mail-types.js';
import type { MailMessagesTable, MailOutboxTable } from './schema-mail.js';

export function createMailRepository(db: Kysely<Database>): MailRepository {
  return {
    async record(m) {
      const result = await db
        .insertInto('mail_messages')
        .values({ message_id: m.messageId, direction: m.direction, mailbox: m.mailbox, ticket_id: m.ticketId, outcome: m.outcome, created_at: toMs(m.createdAt) })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async find(messageId) {
      const row = await db.selectFrom('mail_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst();
      return row && toMessage(row);
    },
    async ticketOf(messageIds) {
      if (messageIds.length === 0) return undefined;
      const found = new Map<string, string>();
      for (const part of chunkForParams([...new Set(messageIds)], 1)) {
        const rows = await db.selectFrom('mail_messages').select(['message_id', 'ticket_id']).where('message_id', 'in', part).where('ticket_id', 'is not', null).execute();
        for (const r of rows) if (r.ticket_id !== null) found.set(r.message_id, r.ticket_id);
      }
      for (const id of messageIds) {
        const t = found.get(id);
        if (t !== undefined) return t;
      }
      return undefined;
    },
    async threadOf(ticketId, limit) {
      const rows = await db.selectFrom('mail_messages').select('message_id').where('ticket_id', '=', ticketId).where('message_id', 'not like', 'sha256:%').orderBy('created_at').orderBy('message_id').limit(limit).execute();
      return rows.map((r) => r.message_id);
    },
    async enqueue(m) {
      await db
        .insertInto('mail_outbox')
        .values({
          id: m.id,
          ticket_id: m.ticketId,
          kind: m.kind,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html,
          message_id: m.messageId,
          in_reply_to: m.inReplyTo,
          references_ids: JSON.stringify(m.references),
          status: m.status,
          attempts: m.attempts,
          next_attempt_at: toMs(m.nextAttemptAt),
          last_error: m.lastError,
          created_at: toMs(m.createdAt),
          finished_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async due(now, limit) {
      const rows = await db.selectFrom('mail_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', toMs(now)).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
      return rows.map(toOutgoing);
    },
    async nextDue() {
      const row = await db.selectFrom('mail_outbox').select('next_attempt_at').where('status', '=', 'pending').orderBy('next_attempt_at').limit(1).executeTakeFirst();
      return row ? fromMs(row.next_attempt_at) : undefined;
    },
    async recordAttempt(id, o) {
      await db
        .updateTable('mail_outbox')
        .set({ status: o.status, attempts: o.attempts, next_attempt_at: toMs(o.nextAttemptAt), last_error: o.lastError, finished_at: o.status === 'pending' ? null : toMs(o.at) })
        .where('id', '=', id)
        .execute();
    },
    async recentOutgoing(limit) {
      const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toOutgoing);
    },
  };
}

function toMessage(row: Selectable<MailMessagesTable>): MailMessageRecord {
  return {
    messageId: row.message_id,
    direction: row.direction === 'out' ? 'out' : 'in',
    mailbox: row.mailbox,
    ticketId: row.ticket_id,
    outcome: row.outcome as MailOutcome,
    createdAt: fromMs(row.created_at),
  };
}

function toOutgoing(row: Selectable<MailOutboxTable>): OutgoingMailRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: stringList(row.references_ids),
    status: row.status as OutgoingMailStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: fromMs(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: fromMs(row.created_at),
    finishedAt: fromMsOrNull(row.finished_at),
  };
}
