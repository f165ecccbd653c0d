import {
  newId,
  WEBHOOK_EVENTS,
  type CreatedWebhook,
  type CreateWebhookRequest,
  type WebhookBody,
  type WebhookDelivery,
  type WebhookEventName,
  type WebhookSubscription,
} from '@deskside/protocol';
import type { Store, WebhookDeliveryRecord, WebhookSubscriptionRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { createActors } from '../access/actor.js';
import type { AuditService } from '../audit/audit-service.js';
import type { SecretBox } from '../auth/secret-box.js';
import { newSecret } from '../auth/secrets.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import type { HubEvent, HubEvents } from './hub-events.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';
import { webhookText } from './webhook-text.js';

export interface WebhookServiceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  secretBox: SecretBox;
  events: HubEvents;
  dispatcher: WebhookDispatcher;
}

/** Event webhook subscriptions (admins), their delivery log, and "send test". */
export interface WebhookService {
  list(): Promise<WebhookSubscription[]>;
  /** The signing secret is in this answer only. */
  create(who: AuthenticatedUser, request: CreateWebhookRequest): Promise<CreatedWebhook>;
  remove(who: AuthenticatedUser, id: string): Promise<WebhookSubscription>;
  deliveries(id: string, limit: number): Promise<WebhookDelivery[]>;
  /** Queues a `webhook.test` delivery, attempts it at once, and answers how that went. */
  sendTest(who: AuthenticatedUser, id: string): Promise<WebhookDelivery>;
  /** Stops listening to events; resolves once what was heard is queued. */
  close(): Promise<void>;
}

export function createWebhookService(deps: WebhookServiceDeps): WebhookService {
  const present = (s: WebhookSubscriptionRecord): WebhookSubscription => ({
    id: s.id,
    label: s.label,
    urlHost: hostOf(deps.secretBox.open(s.urlEnc)),
    format: s.format,
    events: s.events.filter((e): e is WebhookEventName => (WEBHOOK_EVENTS as readonly string[]).includes(e)),
    siteIds: s.siteIds,
    createdAt: s.createdAt.toISOString(),
    disabledAt: s.disabledAt?.toISOString() ?? null,
  });
  const live = async (id: string) => {
    const s = await deps.store.webhooks.findSubscription(id);
    if (!s || s.disabledAt !== null) throw new ServiceError('not_found', 'No such webhook.');
    return s;
  };
  const actor = (who: AuthenticatedUser) => createActors(deps.store.users).audit(who);
  const delivery = (subscription: WebhookSubscriptionRecord, body: WebhookBody): WebhookDeliveryRecord => {
    const now = deps.clock();
    return {
      id: newId(now.getTime()),
      subscriptionId: subscription.id,
      event: body.event,
      payload: JSON.stringify(subscription.format === 'deskside' ? body : { text: webhookText(body) }),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    };
  };

  // Every integration event becomes one durable delivery per matching subscription.
  let queue: Promise<void> = Promise.resolve();
  const onEvent = (event: HubEvent): void => {
    queue = queue
      .then(async () => {
        const subs = (await deps.store.webhooks.listSubscriptions()).filter(
          (s) => s.disabledAt === null && s.events.includes(event.event) && (s.siteIds.length === 0 || s.siteIds.includes(event.siteId)),
        );
        if (subs.length === 0) return;
        const { siteId: _site, ...rest } = event;
        const body = { ...rest, test: false } as WebhookBody;
        await deps.store.webhooks.enqueue(subs.map((s) => delivery(s, body)));
        deps.dispatcher.wake();
      })
      .catch((err: unknown) => deps.logger.error('webhook deliveries could not be queued', { event: event.event, err: String(err) }));
  };
  const unsubscribe = deps.events.subscribe(onEvent);

  return {
    async list() {
      return (await deps.store.webhooks.listSubscriptions()).filter((s) => s.disabledAt === null).map(present);
    },
    async create(who, request) {
      const siteIds = [...new Set(request.siteIds ?? [])];
      if (who.siteIds.length > 0 && (siteIds.length === 0 || siteIds.some((s) => !who.siteIds.includes(s)))) {
        throw new ServiceError('forbidden', 'A webhook can only listen to sites you see: name them in siteIds.');
      }
      for (const siteId of siteIds) if (!(await deps.store.sites.findById(siteId))) throw new ServiceError('invalid_payload', 'No such site.');
      const secret = `whsec_${newSecret(32)}`;
      const now = deps.clock();
      const record: WebhookSubscriptionRecord = {
        id: newId(now.getTime()),
        label: request.label,
        urlEnc: deps.secretBox.seal(request.url),
        secretEnc: deps.secretBox.seal(secret),
        format: request.format,
        events: [...new Set(request.events)],
        siteIds,
        createdBy: who.userId,
        createdAt: now,
        disabledAt: null,
      };
      const by = await actor(who);
      await deps.store.transaction(async (tx) => {
        await tx.webhooks.createSubscription(record);
        await deps.audit.recordIn(tx, by, 'webhook.create', `webhook:${record.id}`, { label: record.label, host: hostOf(request.url), format: record.format, events: record.events, siteIds });
      });
      return { webhook: present(record), secret };
    },
    async remove(who, id) {
      const s = await live(id);
      const by = await actor(who);
      await deps.store.transaction(async (tx) => {
        await tx.webhooks.disableSubscription(id, deps.clock());
        await deps.audit.recordIn(tx, by, 'webhook.delete', `webhook:${id}`, { label: s.label });
      });
      return present({ ...s, disabledAt: deps.clock() });
    },
    async deliveries(id, limit) {
      await live(id);
      return (await deps.store.webhooks.recent(id, limit)).map(toDelivery);
    },
    async sendTest(who, id) {
      const s = await live(id);
      const now = deps.clock();
      const body: WebhookBody = { id: newId(now.getTime()), event: 'webhook.test', occurredAt: now.toISOString(), test: true, data: { webhookId: id, message: `Sent by ${(await actor(who)).name} from the Deskside console.` } };
      const record = delivery(s, body);
      await deps.store.webhooks.enqueue([record]);
      await deps.dispatcher.runOnce();
      const [after] = (await deps.store.webhooks.recent(id, 20)).filter((d) => d.id === record.id);
      return toDelivery(after ?? record);
    },
    async close() {
      unsubscribe();
      await queue;
    },
  };
}

function toDelivery(d: WebhookDeliveryRecord): WebhookDelivery {
  return {
    id: d.id,
    event: d.event.slice(0, 64),
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError?.slice(0, 256) ?? null,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  };
}

/** The host of a webhook URL: what may be shown or logged (the path can be the secret). */
function hostOf(url: string | undefined): string {
  try {
    return url === undefined ? 'unreadable' : new URL(url).host;
  } catch {
    return 'invalid';
  }
}
