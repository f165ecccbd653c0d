/** Schedules a callback after `ms`; returns a canceller. Injected so tests control time. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export const realScheduler: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export interface WriteBatcherOptions<I, R> {
  /** Commits a whole batch (one transaction) and answers one result per item, in order. */
  commit: (items: I[]) => Promise<R[]>;
  maxItems?: number;
  maxDelayMs?: number;
  /**
   * Under load (the previous batch held at least `busyItems`), wait `busyDelayMs` instead of
   * `maxDelayMs`: fewer, larger commits, each fsync shared by more writes. A quiet hub keeps the
   * short window, so its acks stay fast. Off unless both are given.
   */
  busyItems?: number;
  busyDelayMs?: number;
  schedule?: Scheduler;
}

interface Pending<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Collects writes arriving within one short window and commits them together, so 50,000 agents'
 * heartbeats cost a few transactions per second instead of thousands. Batches commit one after
 * another (never concurrently), so a batch's idempotency lookups see every earlier batch.
 */
export class WriteBatcher<I, R> {
  private queue: Array<Pending<I, R>> = [];
  private cancelTimer: (() => void) | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly maxItems: number;
  private readonly maxDelayMs: number;
  private readonly schedule: Scheduler;
  private lastBatchSize = 0;

  constructor(private readonly options: WriteBatcherOptions<I, R>) {
    this.maxItems = options.maxItems ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 5;
    this.schedule = options.schedule ?? realScheduler;
  }

  /** Queues one write; resolves with its result after its batch committed. */
  add(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxItems) this.flush();
      else if (!this.cancelTimer) this.cancelTimer = this.schedule(() => this.flush(), this.window());
    });
  }

  /** Sends what is queued now; resolves once every batch sent so far has settled. */
  flush(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length > 0) this.lastBatchSize = batch.length;
    if (batch.length > 0) this.chain = this.chain.then(() => this.commitBatch(batch));
    return this.chain;
  }

  /** How long the batch now opening stays open. */
  window(): number {
    const { busyItems, busyDelayMs } = this.options;
    return busyItems !== undefined && busyDelayMs !== undefined && this.lastBatchSize >= busyItems ? busyDelayMs : this.maxDelayMs;
  }

  get pending(): number {
    return this.queue.length;
  }

  private async commitBatch(batch: Array<Pending<I, R>>): Promise<void> {
    try {
      const results = await this.options.commit(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        if (i < results.length) p.resolve(results[i] as R);
        else p.reject(new Error('batch commit returned too few results'));
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
