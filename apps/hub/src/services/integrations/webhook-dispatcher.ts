import type { Store, WebhookDeliveryRecord, WebhookSubscriptionRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { Counter } from '../../metrics/registry.js';
import type { SecretBox } from '../auth/secret-box.js';
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
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: WebhookDispatcherDeps) {
    this.opts = { ...DEFAULTS, ...deps.options };
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  /** Looks at the queue now (after new deliveries, and at start). */
  wake(): void {
    this.schedule(0);
  }

  /** One pass over what is due; answers when to look next. */
  runOnce(): Promise<Date | undefined> {
    const run = this.running.then(() => this.pass());
    this.running = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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
    let result: { status: number | null; error: string | null };
    if (!subscription || url === undefined || secret === undefined) result = { status: null, error: 'subscription deleted or unreadable' };
    else result = await this.post(url, secret, subscription.format, delivery);
    const sent = result.error === null;
    const dead = !sent && (attempts >= this.opts.maxAttempts || url === undefined);
    const delay = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** (attempts - 1));
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
  private async post(url: string, secret: string, format: string, delivery: WebhookDeliveryRecord): Promise<{ status: number | null; error: string | null }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Deskside-Webhooks/1' };
    if (format === 'deskside') {
      headers['X-Deskside-Event'] = delivery.event;
      headers['X-Deskside-Delivery'] = delivery.id;
      headers[SIGNATURE_HEADER] = signWebhook(secret, Math.floor(this.deps.clock().getTime() / 1000), delivery.payload);
    }
    try {
      const res = await this.fetch(url, { method: 'POST', headers, body: delivery.payload, redirect: 'manual', signal: AbortSignal.timeout(this.opts.timeoutMs) });
      await res.body?.cancel().catch(() => undefined);
      return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (err) {
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.name : 'error';
      return { status: null, error: `request failed (${code})` };
    }
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    const at = Date.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.runOnce()
        .then((next) => {
          if (next) this.schedule(Math.max(0, next.getTime() - this.deps.clock().getTime()));
        })
        .catch((err: unknown) => {
          this.deps.logger.warn('webhook pass failed', { err: String(err) });
          this.schedule(this.opts.baseBackoffMs);
        });
    }, Math.max(0, Math.min(delayMs, 2 ** 31 - 1)));
    this.timer.unref();
  }
}
