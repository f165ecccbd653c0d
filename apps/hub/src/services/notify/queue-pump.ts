import type { Clock } from '../../clock.js';

/** What a pump needs: one pass over a durable queue, answering when the next item is due. */
export interface QueuePumpDeps {
  pass: () => Promise<Date | undefined>;
  clock: Clock;
  /** A pass that threw: reported here, then the pump tries again after `retryMs`. */
  onError: (err: unknown) => void;
  retryMs: number;
  /** Several hubs share the queue: passes run only on the hub leading this job. */
  cluster?: PumpLeadership;
}

/** The cluster gate of a pump: `leads()` is cheap (no database round trip). */
export interface PumpLeadership {
  leads(): boolean;
  /**
   * How often the pump looks again: the leader, for items other hubs queued (their wake-ups do
   * not reach it); the others, whether they have become the leader.
   */
  pollMs: number;
}

/**
 * Drives a durable outbox: passes run one at a time, and one timer waits for the earliest due
 * item (a wake-up for a later time never delays an earlier one). Shared by the alert notifier
 * and the event-webhook dispatcher, which differ only in what a pass sends.
 */
export class QueuePump {
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: QueuePumpDeps) {}

  /** Looks at the queue now (at start, and after new items). */
  wake(): void {
    this.schedule(0);
  }

  /** One pass, after any pass already running; answers when to look next. */
  runOnce(): Promise<Date | undefined> {
    const run = this.running.then(() => this.gatedPass());
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * One hub of a cluster sends, so a delivery is not made twice by two hubs passing over the same
   * rows; it also passes every `pollMs`, for the rows queued through the other hubs.
   */
  private async gatedPass(): Promise<Date | undefined> {
    const cluster = this.deps.cluster;
    if (!cluster) return this.deps.pass();
    const poll = new Date(this.deps.clock().getTime() + cluster.pollMs);
    if (!cluster.leads()) return poll;
    const next = await this.deps.pass();
    return next && next.getTime() < poll.getTime() ? next : poll;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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
          this.deps.onError(err);
          this.schedule(this.deps.retryMs);
        });
    }, Math.max(0, Math.min(delayMs, 2 ** 31 - 1)));
    this.timer.unref();
  }
}

/** Exponential backoff: `baseMs` after the first failed attempt, doubled per attempt, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** (attempts - 1));
}
