import type { NotificationRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { digestText, readPayload, singleText, type NotificationPayload } from './notification-text.js';
import { postWebhook } from './post-webhook.js';
import { QueuePump, backoffMs, type PumpLeadership } from './queue-pump.js';

export interface WebhookNotifierOptions {
  /** Notifications wait this long for company, so a burst goes out as one digest (default 10 s). */
  collectMs: number;
  /** More than this many due at once: one digest message (default 3). */
  digestOver: number;
  /** Attempts per notification before it is given up (default 8). */
  maxAttempts: number;
  /** First retry delay, doubled per attempt up to maxBackoffMs (defaults 2 s, 10 min). */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Per request (default 10 s). */
  timeoutMs: number;
  /** Notifications handled per pass (default 200). */
  batch: number;
}

export interface WebhookNotifierDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The webhook (a secret: never logged). */
  url: URL;
  fetch?: typeof fetch;
  /** In a cluster: only the hub leading the `webhooks` job sends. */
  cluster?: PumpLeadership;
  options?: Partial<WebhookNotifierOptions>;
}

const DEFAULTS: WebhookNotifierOptions = { collectMs: 10_000, digestOver: 3, maxAttempts: 8, baseBackoffMs: 2_000, maxBackoffMs: 600_000, timeoutMs: 10_000, batch: 200 };

/**
 * Delivers queued critical-alert notifications to a Slack/Teams-compatible webhook. The queue is
 * the `notification_outbox` table (written in the alert's own transaction), so a hub restart loses
 * nothing; a row is marked sent right after the webhook accepted it, so a restart does not send it
 * again (a crash between the 2xx and that write is the only window for a repeat). Failures retry
 * with exponential backoff up to `maxAttempts`. Passes run one at a time.
 */
export class WebhookNotifier {
  private readonly opts: WebhookNotifierOptions;
  private readonly fetch: typeof fetch;
  private readonly pump: QueuePump;

  constructor(private readonly deps: WebhookNotifierDeps) {
    this.opts = { ...DEFAULTS, ...deps.options };
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.pump = new QueuePump({
      pass: () => this.pass(),
      clock: deps.clock,
      onError: (err) => deps.logger.warn('alert notifier pass failed', { err: String(err) }),
      retryMs: this.opts.baseBackoffMs,
      ...(deps.cluster ? { cluster: deps.cluster } : {}),
    });
  }

  /** Looks at the queue now and schedules the next pass (at start, and after new notifications). */
  wake(): void {
    this.pump.wake();
  }

  /** One pass: sends what is due (or waits for a burst to gather); answers when to look next. */
  runOnce(): Promise<Date | undefined> {
    return this.pump.runOnce();
  }

  close(): Promise<void> {
    return this.pump.close();
  }

  private async pass(): Promise<Date | undefined> {
    const now = this.deps.clock();
    const due = await this.deps.store.notifications.due(now, this.opts.batch);
    if (due.length > 0) {
      const oldestFresh = due.find((n) => n.attempts === 0);
      // A first attempt waits until the oldest new one has gathered company for collectMs.
      const gatherUntil = oldestFresh ? oldestFresh.createdAt.getTime() + this.opts.collectMs : 0;
      if (gatherUntil > now.getTime()) return new Date(gatherUntil);
      await this.deliver(due, now);
    }
    return this.deps.store.notifications.nextDue();
  }

  private async deliver(due: readonly NotificationRecord[], now: Date): Promise<void> {
    const readable: Array<{ record: NotificationRecord; payload: NotificationPayload }> = [];
    for (const record of due) {
      const payload = readPayload(record.payload);
      if (payload) readable.push({ record, payload });
      else await this.deps.store.notifications.markAttemptFailed(record.id, record.attempts + 1, now, 'unreadable payload', true, now);
    }
    const groups = readable.length > this.opts.digestOver ? [readable] : readable.map((r) => [r]);
    for (const group of groups) {
      const text = group.length === 1 && group[0] ? singleText(group[0].payload) : digestText(group.map((g) => g.payload));
      const error = await this.post(text);
      const ids = group.map((g) => g.record.id);
      if (error === undefined) {
        await this.deps.store.notifications.markSent(ids, this.deps.clock());
        this.deps.logger.info('alert notification delivered', { count: ids.length, digest: group.length > 1 });
        continue;
      }
      for (const { record } of group) {
        const attempts = record.attempts + 1;
        const giveUp = attempts >= this.opts.maxAttempts;
        const delay = backoffMs(attempts, this.opts.baseBackoffMs, this.opts.maxBackoffMs);
        await this.deps.store.notifications.markAttemptFailed(record.id, attempts, new Date(now.getTime() + delay), error, giveUp, now);
        if (giveUp) this.deps.logger.error('alert notification given up', { id: record.id, attempts, error });
      }
      this.deps.logger.warn('alert webhook failed; will retry', { count: ids.length, error });
    }
  }

  /** Posts `{text}`; answers undefined on a 2xx, else a short reason that holds no part of the URL. */
  private async post(text: string): Promise<string | undefined> {
    const result = await postWebhook(this.fetch, this.deps.url, { 'content-type': 'application/json' }, JSON.stringify({ text }), this.opts.timeoutMs);
    return result.error ?? undefined;
  }
}
