import type { Store, WebhookDeliveryRecord, WebhookSubscriptionRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { Counter } from '../../metrics/registry.js';
import type { SecretBox } from '../auth/secret-box.js';
import { postWebhook, type WebhookPostResult } from '../notify/post-webhook.js';
import { QueuePump, backoffMs, type PumpLeadership } from '../notify/queue-pump.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookDispatcherOptions {
  /** Attempts before a delivery is dead (default 8). */
  maxAttempts: number;
  /** First retry delay, doubled per attempt up to maxBackoffMs (defaults 5 s, 1 h). */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Per request (default 10 s). */
  timeoutMs: number;
  /** Deliveries per pass (default 100). */
  batch: number;
}

export interface WebhookDispatcherDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
  /** `deskside_webhook_deliveries_total{format, outcome}`: sent, retry, dead. */
  outcomes: Counter;
  fetch?: typeof fetch;
  /** In a cluster: only the hub leading the `webhooks` job sends. */
  cluster?: PumpLeadership;
  options?: Partial<WebhookDispatcherOptions>;
}

const DEFAULTS: WebhookDispatcherOptions = { maxAttempts: 8, baseBackoffMs: 5_000, maxBackoffMs: 3_600_000, timeoutMs: 10_000, batch: 100 };

/**
 * Sends queued event deliveries (`webhook_deliveries`, written before anything is sent, so a hub
 * restart loses nothing). A `deskside` delivery is signed at send time (`X-Deskside-Signature`,
 * HMAC-SHA256 over timestamp and body); failures retry with exponential backoff and are dead
 * after `maxAttempts`. Passes run one at a time; URLs and secrets are decrypted only to send and
 * never logged.
 */
export class WebhookDispatcher {
  private readonly opts: WebhookDispatcherOptions;
  private readonly fetch: typeof fetch;
  private readonly pump: QueuePump;

  constructor(private readonly deps: WebhookDispatcherDeps) {
    this.opts = { ...DEFAULTS, ...deps.options };
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.pump = new QueuePump({
      pass: () => this.pass(),
      clock: deps.clock,
      onError: (err) => deps.logger.warn('webhook pass failed', { err: String(err) }),
      retryMs: this.opts.baseBackoffMs,
      ...(deps.cluster ? { cluster: deps.cluster } : {}),
    });
  }

  /** Looks at the queue now (after new deliveries, and at start). */
  wake(): void {
    this.pump.wake();
  }

  /** One pass over what is due; answers when to look next. */
  runOnce(): Promise<Date | undefined> {
    return this.pump.runOnce();
  }

  close(): Promise<void> {
    return this.pump.close();
  }

  private async pass(): Promise<Date | undefined> {
    const due = await this.deps.store.webhooks.due(this.deps.clock(), this.opts.batch);
    const subscriptions = new Map<string, WebhookSubscriptionRecord | undefined>();
    for (const delivery of due) {
      if (!subscriptions.has(delivery.subscriptionId)) subscriptions.set(delivery.subscriptionId, await this.deps.store.webhooks.findSubscription(delivery.subscriptionId));
      await this.attempt(delivery, subscriptions.get(delivery.subscriptionId));
    }
    return this.deps.store.webhooks.nextDue();
  }

  private async attempt(delivery: WebhookDeliveryRecord, subscription: WebhookSubscriptionRecord | undefined): Promise<void> {
    const url = subscription && subscription.disabledAt === null ? this.deps.secretBox.open(subscription.urlEnc) : undefined;
    const secret = subscription ? this.deps.secretBox.open(subscription.secretEnc) : undefined;
    const attempts = delivery.attempts + 1;
    const now = this.deps.clock();
    let result: WebhookPostResult;
    if (!subscription || url === undefined || secret === undefined) result = { status: null, error: 'subscription deleted or unreadable' };
    else result = await this.post(url, secret, subscription.format, delivery);
    const sent = result.error === null;
    const dead = !sent && (attempts >= this.opts.maxAttempts || url === undefined);
    const delay = backoffMs(attempts, this.opts.baseBackoffMs, this.opts.maxBackoffMs);
    await this.deps.store.webhooks.recordAttempt(delivery.id, {
      status: sent ? 'sent' : dead ? 'dead' : 'pending',
      attempts,
      nextAttemptAt: sent || dead ? now : new Date(now.getTime() + delay),
      lastStatus: result.status,
      lastError: result.error,
      at: this.deps.clock(),
    });
    const format = subscription?.format ?? 'unknown';
    this.deps.outcomes.inc({ format, outcome: sent ? 'sent' : dead ? 'dead' : 'retry' });
    if (dead) this.deps.logger.warn('webhook delivery given up', { delivery: delivery.id, event: delivery.event, attempts, error: result.error });
  }

  /** Posts one delivery; `error` null on a 2xx. The error text never holds the URL. */
  private post(url: string, secret: string, format: string, delivery: WebhookDeliveryRecord): Promise<WebhookPostResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Deskside-Webhooks/1' };
    if (format === 'deskside') {
      headers['X-Deskside-Event'] = delivery.event;
      headers['X-Deskside-Delivery'] = delivery.id;
      headers[SIGNATURE_HEADER] = signWebhook(secret, Math.floor(this.deps.clock().getTime() / 1000), delivery.payload);
    }
    return postWebhook(this.fetch, url, headers, delivery.payload, this.opts.timeoutMs);
  }
}
