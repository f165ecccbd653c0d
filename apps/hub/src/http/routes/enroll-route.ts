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
      if (!limiter.allowed(ctx.ip)) {
        throw new ServiceError('rate_limited', 'Too many failed enrolments. Wait a few minutes and try again.', limiter.retryAfterSeconds(ctx.ip));
      }
      const body = parseWith(EnrollRequestSchema, await readJsonBody(ctx.req), 'enrolment');
      try {
        const answer = await enroll(deps, body);
        onEnrolled?.(answer.deviceId);
        return { status: 201, json: answer };
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'unauthorized') limiter.failed(ctx.ip);
        throw error;
      }
    },
  };
}
