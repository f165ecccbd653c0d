import { EnrollRequestSchema } from '@deskside/protocol';
import type { AttemptLimiter } from '../../services/auth/attempt-limiter.js';
import { enroll, type EnrollDeps } from '../../services/enrollment/enroll.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import type { Route } from '../router.js';
import { parseWith } from '../validate.js';

/** POST /api/v1/enroll: public (the enrolment token is the credential), throttled per address. */
export function enrollRoute(deps: EnrollDeps, limiter: AttemptLimiter, onEnrolled?: (deviceId: string) => void): Route {
  return {
    method: 'POST',
    path: '/api/v1/enroll',
    public: true,
    async handler(ctx) {
      const body = parseWith(EnrollRequestSchema, await readJsonBody(ctx.req), 'enrolment');
      // Counted before the token is checked, so simultaneous guesses cannot outrun the limit.
      const wait = await limiter.take(ctx.ip);
      if (wait !== undefined) throw new ServiceError('rate_limited', 'Too many failed enrolments. Wait a few minutes and try again.', wait);
      try {
        const answer = await enroll(deps, body);
        await limiter.giveBack(ctx.ip);
        onEnrolled?.(answer.deviceId);
        return { status: 201, json: answer };
      } catch (error) {
        if (!(error instanceof ServiceError && error.code === 'unauthorized')) await limiter.giveBack(ctx.ip);
        throw error;
      }
    },
  };
}
