import type { AttemptCounterRepository } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { ServiceError } from '../service-error.js';
import { createAttemptLimiter } from './attempt-limiter.js';

/**
 * Login throttling per account and per address, for the password and the TOTP code alike (both
 * arrive in the one login request). `begin` counts the attempt before anything is verified, so
 * 400 simultaneous guesses get at most 10 checks; an account with too many attempts is locked for
 * the rest of its window, whoever tries (its owner included); an address spraying many accounts
 * is slowed the same way. Keys are the name as typed (as a keyed tag: a password typed into the
 * name box is never stored), whether the account exists or not, so an unknown user gets the same
 * answer at the same speed as a real one.
 */
export interface LoginThrottle {
  /** Counts the attempt; throws `locked` / `rate_limited` (429 with Retry-After) when over a limit. */
  begin(username: string, ip: string): Promise<LoginAttempt>;
}

/** How a counted attempt ended, when it was not a failure (a failure stays counted). */
export interface LoginAttempt {
  /** Signed in: the account's attempts are forgotten, the address gets this one back. */
  succeeded(): Promise<void>;
  /** Not a guess (the password was right, a code is still needed): both get the attempt back. */
  notAGuess(): Promise<void>;
}

export interface LoginThrottleOptions {
  attempts: AttemptCounterRepository;
  clock: Clock;
  /** One-way tag of a typed name (SecretBox.tag). */
  tag: (text: string) => string;
  maxAccountFailures?: number;
  maxAddressFailures?: number;
  windowMs?: number;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const windowMs = options.windowMs ?? 15 * 60_000;
  const base = { attempts: options.attempts, clock: options.clock, windowMs };
  const accounts = createAttemptLimiter({ ...base, name: 'login-account', maxAttempts: options.maxAccountFailures ?? 10 });
  const addresses = createAttemptLimiter({ ...base, name: 'login-address', maxAttempts: options.maxAddressFailures ?? 50 });
  return {
    async begin(username, ip) {
      const account = options.tag(username.normalize('NFC').toLowerCase());
      const [accountWait, addressWait] = await Promise.all([accounts.take(account), addresses.take(ip)]);
      if (accountWait !== undefined) {
        throw new ServiceError('locked', 'This account is locked for a while after too many failed sign-ins. Try again later.', accountWait);
      }
      if (addressWait !== undefined) {
        throw new ServiceError('rate_limited', 'Too many failed sign-ins from this address. Wait a few minutes and try again.', addressWait);
      }
      return {
        async succeeded() {
          // The address keeps its other attempts: one good account must not reset a spray from it.
          await Promise.all([accounts.clear(account), addresses.giveBack(ip)]);
        },
        async notAGuess() {
          await Promise.all([accounts.giveBack(account), addresses.giveBack(ip)]);
        },
      };
    },
  };
}
