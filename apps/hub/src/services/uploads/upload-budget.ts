import type { AttemptCounterRepository } from '@deskside/store';
import { ServiceError } from '../service-error.js';

/** Whose storage an upload spends: a PC (screenshots, the employee's files) or a signed-in user. */
export type UploadOwner = { kind: 'device'; id: string } | { kind: 'user'; id: string };

/** Bytes each owner may store per rolling day. */
export interface UploadLimits {
  devicePerDay: number;
  userPerDay: number;
}

/**
 * ~30 full-screen captures a PC a day, not 1 MB a second forever; a technician's day of knowledge-
 * base images and ticket files, with room to spare, not a disk filled by one stolen session.
 */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({ devicePerDay: 30_000_000, userPerDay: 200_000_000 });

const DAY_MS = 24 * 3_600_000;

export interface UploadBudget {
  /**
   * Counts `bytes` against the owner's day BEFORE anything is written (in the database every hub
   * shares, one statement, so parallel uploads cannot overshoot together). Throws `rate_limited`
   * (with Retry-After) past the limit; answers the refund to call when the write then fails.
   */
  reserve(owner: UploadOwner, bytes: number, at: Date): Promise<() => Promise<void>>;
}

export function createUploadBudget(attempts: AttemptCounterRepository, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): UploadBudget {
  return {
    async reserve(owner, bytes, at) {
      if (bytes <= 0) return async () => undefined;
      const key = budgetKey(owner);
      const limit = owner.kind === 'device' ? limits.devicePerDay : limits.userPerDay;
      const window = await attempts.take(key, at, DAY_MS, bytes);
      if (window.count > limit) {
        await attempts.giveBack(key, bytes);
        const retryAfter = Math.max(1, Math.ceil((window.windowStart.getTime() + DAY_MS - at.getTime()) / 1000));
        const mb = Math.round(limit / 1_000_000);
        throw new ServiceError(
          'rate_limited',
          owner.kind === 'device' ? `This PC has sent its ${mb} MB of files for today; try again later.` : `You have uploaded your ${mb} MB for today; try again later, or ask an administrator to raise the limit.`,
          retryAfter,
        );
      }
      let refunded = false;
      return async () => {
        if (refunded) return;
        refunded = true;
        await attempts.giveBack(key, bytes);
      };
    },
  };
}

/** The device key is the one the screenshot budget has always used, so both count as one. */
export function budgetKey(owner: UploadOwner): string {
  return owner.kind === 'device' ? `attachment-bytes:${owner.id}` : `upload-bytes:user:${owner.id}`;
}
