import { LoginRequestSchema } from '@deskside/protocol';
import type { AttemptLimiter } from '../../services/auth/attempt-limiter.js';
import type { AuthService } from '../../services/auth/auth-service.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/** POST /api/v1/login and /api/v1/logout. */
export function authRoutes(auth: AuthService, limiter: AttemptLimiter): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/login',
      public: true,
      async handler(ctx) {
        const body = parseWith(LoginRequestSchema, await readJsonBody(ctx.req), 'login');
        const key = `${ctx.ip}|${body.username.toLowerCase()}`;
        if (!limiter.allowed(key)) {
          throw new ServiceError('rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.', limiter.retryAfterSeconds(key));
        }
        try {
          const answer = await auth.login(body);
          limiter.succeeded(key);
          return { json: answer };
        } catch (error) {
          if (error instanceof ServiceError && error.code === 'unauthorized') limiter.failed(key);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/api/v1/logout',
      async handler(ctx) {
        await auth.logout(requireUser(ctx));
        return { json: { ok: true } };
      },
    },
  ];
}
