import type { Clock } from '../../clock.js';
import { ServiceError } from '../service-error.js';
import { createAttemptLimiter } from './attempt-limiter.js';

/**
 * Login throttling per account and per address. An account with too many failures is locked for
 * the rest of its window, whoever tries (its owner included): online guessing gets 10 tries per
 * 15 minutes. An address with too many failures (spraying many accounts) is slowed the same way.
 * Keys are the name as typed, whether the account exists or not, so an unknown user gets the same
 * answer at the same speed as a real one.
 */
export interface LoginThrottle {
  /** Throws `locked` / `rate_limited` (429 with Retry-After) before any password is checked. */
  check(username: string, ip: string): void;
  failed(username: string, ip: string): void;
  succeeded(username: string): void;
}

export interface LoginThrottleOptions {
  clock: Clock;
  maxAccountFailures?: number;
  maxAddressFailures?: number;
  windowMs?: number;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const windowMs = options.windowMs ?? 15 * 60_000;
  const accounts = createAttemptLimiter({ clock: options.clock, maxFailures: options.maxAccountFailures ?? 10, windowMs });
  const addresses = createAttemptLimiter({ clock: options.clock, maxFailures: options.maxAddressFailures ?? 50, windowMs });
  const account = (username: string): string => username.normalize('NFC').toLowerCase();
  return {
    check(username, ip) {
      const key = account(username);
      if (!accounts.allowed(key)) {
        throw new ServiceError('locked', 'This account is locked for a while after too many failed sign-ins. Try again later.', accounts.retryAfterSeconds(key));
      }
      if (!addresses.allowed(ip)) {
        throw new ServiceError('rate_limited', 'Too many failed sign-ins from this address. Wait a few minutes and try again.', addresses.retryAfterSeconds(ip));
      }
    },
    failed(username, ip) {
      accounts.failed(account(username));
      addresses.failed(ip);
    },
    succeeded(username) {
      // The address count stays: one good account must not reset a spray from the same address.
      accounts.succeeded(account(username));
    },
  };
}
