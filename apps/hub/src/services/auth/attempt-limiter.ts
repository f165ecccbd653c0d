import type { Clock } from '../../clock.js';

/**
 * Counts failures per key (e.g. "ip|username") in a fixed window, to slow down password and token
 * guessing. In memory and per process: enough to make online guessing useless, no more.
 */
export interface AttemptLimiter {
  /** Whether `key` may try again now. */
  allowed(key: string): boolean;
  failed(key: string): void;
  succeeded(key: string): void;
  /** Seconds until `key`'s window ends (at least 1). */
  retryAfterSeconds(key: string): number;
}

export interface AttemptLimiterOptions {
  clock: Clock;
  maxFailures: number;
  windowMs: number;
  /** Bound on remembered keys, so a flood of distinct keys cannot exhaust memory. */
  maxKeys?: number;
}

export function createAttemptLimiter(options: AttemptLimiterOptions): AttemptLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  const entries = new Map<string, { count: number; since: number }>();

  const current = (key: string): { count: number; since: number } | undefined => {
    const entry = entries.get(key);
    if (entry && options.clock().getTime() - entry.since >= options.windowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    allowed: (key) => (current(key)?.count ?? 0) < options.maxFailures,
    failed(key) {
      const entry = current(key);
      if (entry) {
        entry.count += 1;
        return;
      }
      if (entries.size >= maxKeys) {
        // Maps iterate in insertion order: drop the oldest window.
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { count: 1, since: options.clock().getTime() });
    },
    succeeded: (key) => void entries.delete(key),
    retryAfterSeconds(key) {
      const entry = current(key);
      const left = entry ? entry.since + options.windowMs - options.clock().getTime() : 0;
      return Math.max(1, Math.ceil(left / 1000));
    },
  };
}
