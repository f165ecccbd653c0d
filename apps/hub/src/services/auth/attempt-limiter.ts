import type { AttemptCounterRepository } from '@deskside/store';
import type { Clock } from '../../clock.js';

/**
 * Limits attempts at a guessable secret per key (an account, an address). Every attempt is
 * counted in the database BEFORE the secret is checked, so a burst of simultaneous guesses gets
 * no more checks than the limit, and every hub on the database shares the count. A caller gives
 * an attempt back when it turns out not to be a guess (a right password), or clears the key.
 */
export interface AttemptLimiter {
  /** Counts one attempt for `key`: undefined when it may go on, else the seconds to wait (>= 1). */
  take(key: string): Promise<number | undefined>;
  giveBack(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface AttemptLimiterOptions {
  attempts: AttemptCounterRepository;
  clock: Clock;
  /** Names the counter, so one key (an address) counts separately for login and enrolment. */
  name: string;
  maxAttempts: number;
  windowMs: number;
}

export function createAttemptLimiter(options: AttemptLimiterOptions): AttemptLimiter {
  const stored = (key: string): string => `${options.name}:${key}`;
  return {
    async take(key) {
      const now = options.clock();
      const window = await options.attempts.take(stored(key), now, options.windowMs);
      if (window.count <= options.maxAttempts) return undefined;
      const left = window.windowStart.getTime() + options.windowMs - now.getTime();
      return Math.max(1, Math.ceil(left / 1000));
    },
    giveBack: (key) => options.attempts.giveBack(stored(key)),
    clear: (key) => options.attempts.clear(stored(key)),
  };
}
