import type { Kysely, Selectable } from 'kysely';
import { fromJson } from '../mapping/json.js';
import { fromMs, fromMsOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { NotificationOutboxRepository, NotificationRecord } from './alert-types.js';
import type { NotificationOutboxTable } from './schema-alerts.js';

export function createNotificationOutboxRepository(db: Kysely<Database>): NotificationOutboxRepository {
  const pending = () => db.selectFrom('notification_outbox').where('sent_at', 'is', null).where('failed_at', 'is', null);
  return {
    async enqueue(n) {
      await db
        .insertInto('notification_outbox')
        .values({
          id: n.id,
          alert_id: n.alertId,
          payload: JSON.stringify(n.payload),
          created_at: toMs(n.createdAt),
          attempts: 0,
          next_attempt_at: toMs(n.createdAt),
          sent_at: null,
          failed_at: null,
          last_error: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async due(now, limit) {
      const rows = await pending()
        .selectAll()
        .where('next_attempt_at', '<=', toMs(now))
        .orderBy('created_at')
        .orderBy('id')
        .limit(Math.max(1, limit))
        .execute();
      return rows.map(toRecord);
    },
    async nextDue() {
      const row = await pending().select((eb) => eb.fn.min('next_attempt_at').as('at')).executeTakeFirst();
      return row?.at === null || row?.at === undefined ? undefined : fromMs(row.at);
    },
    async markSent(ids, at) {
      if (ids.length === 0) return;
      // Only rows not already marked: a late duplicate completion never rewrites history.
      await db.updateTable('notification_outbox').set({ sent_at: toMs(at) }).where('id', 'in', [...ids]).where('sent_at', 'is', null).execute();
    },
    async markAttemptFailed(id, attempts, nextAttemptAt, error, giveUp, at) {
      await db
        .updateTable('notification_outbox')
        .set({ attempts, next_attempt_at: toMs(nextAttemptAt), last_error: error.slice(0, 1024), failed_at: giveUp ? toMs(at) : null })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
  };
}

function toRecord(r: Selectable<NotificationOutboxTable>): NotificationRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    payload: fromJson(r.payload),
    createdAt: fromMs(r.created_at),
    attempts: Number(r.attempts),
    nextAttemptAt: fromMs(r.next_attempt_at),
    sentAt: fromMsOrNull(r.sent_at),
    failedAt: fromMsOrNull(r.failed_at),
    lastError: r.last_error,
  };
}
