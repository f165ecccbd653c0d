import type { Kysely, Selectable } from 'kysely';
import { fromMs, fromMsOrNull, numberOrNull, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { WebhookDeliveryRecord, WebhookDeliveryStatus, WebhookFormat, WebhookRepository, WebhookSubscriptionRecord } from './integration-types.js';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from './schema-integrations.js';
import { stringList } from './string-list.js';

export function createWebhookRepository(db: Kysely<Database>): WebhookRepository {
  return {
    async createSubscription(s) {
      await db
        .insertInto('webhook_subscriptions')
        .values({
          id: s.id,
          label: s.label,
          url_enc: s.urlEnc,
          secret_enc: s.secretEnc,
          format: s.format,
          events: JSON.stringify(s.events),
          site_ids: JSON.stringify(s.siteIds),
          created_by: s.createdBy,
          created_at: toMs(s.createdAt),
          disabled_at: null,
        })
        .execute();
    },
    async listSubscriptions() {
      const rows = await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toSubscription);
    },
    async findSubscription(id) {
      const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSubscription(row);
    },
    async disableSubscription(id, at) {
      const result = await db.updateTable('webhook_subscriptions').set({ disabled_at: toMs(at) }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      await db
        .updateTable('webhook_deliveries')
        .set({ status: 'dead', last_error: 'subscription deleted', finished_at: toMs(at) })
        .where('subscription_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      return result.numUpdatedRows > 0n;
    },
    async enqueue(deliveries) {
      if (deliveries.length === 0) return;
      await db
        .insertInto('webhook_deliveries')
        .values(
          deliveries.map((d) => ({
            id: d.id,
            subscription_id: d.subscriptionId,
            event: d.event,
            payload: d.payload,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: toMs(d.nextAttemptAt),
            last_status: d.lastStatus,
            last_error: d.lastError,
            created_at: toMs(d.createdAt),
            finished_at: null,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async due(now, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', toMs(now))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async nextDue() {
      const row = await db
        .selectFrom('webhook_deliveries')
        .select('next_attempt_at')
        .where('status', '=', 'pending')
        .orderBy('next_attempt_at')
        .limit(1)
        .executeTakeFirst();
      return row ? fromMs(row.next_attempt_at) : undefined;
    },
    async recordAttempt(id, o) {
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: o.status,
          attempts: o.attempts,
          next_attempt_at: toMs(o.nextAttemptAt),
          last_status: o.lastStatus,
          last_error: o.lastError,
          finished_at: o.status === 'pending' ? null : toMs(o.at),
        })
        .where('id', '=', id)
        .execute();
    },
    async recent(subscriptionId, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
  };
}

function toSubscription(row: Selectable<WebhookSubscriptionsTable>): WebhookSubscriptionRecord {
  return {
    id: row.id,
    label: row.label,
    urlEnc: row.url_enc,
    secretEnc: row.secret_enc,
    format: row.format as WebhookFormat,
    events: stringList(row.events),
    siteIds: stringList(row.site_ids),
    createdBy: row.created_by,
    createdAt: fromMs(row.created_at),
    disabledAt: fromMsOrNull(row.disabled_at),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    event: row.event,
    payload: row.payload,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: fromMs(row.next_attempt_at),
    lastStatus: numberOrNull(row.last_status),
    lastError: row.last_error,
    createdAt: fromMs(row.created_at),
    finishedAt: fromMsOrNull(row.finished_at),
  };
}
