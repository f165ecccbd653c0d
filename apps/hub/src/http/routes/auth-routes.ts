import { LoginRequestSchema } from '@deskside/protocol';
import type { AuthService } from '../../services/auth/auth-service.js';
import type { LoginThrottle } from '../../services/auth/login-throttle.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/**
 * POST /api/v1/login and /api/v1/logout. Login answers 401 `unauthorized` for a wrong password
 * (or code), 401 `totp_required` when the password is right and the account needs a code, and
 * 429 `locked` / `rate_limited` with Retry-After when throttled (counted before any check: LoginThrottle). Logout also ends the session's
 * live console sockets (`endSessions`): the token may be open in another window or machine.
 */
export function authRoutes(
  auth: AuthService,
  throttle: LoginThrottle,
  endSessions: (sessionIds: readonly string[], reason: 'revoked') => void,
): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/login',
      public: true,
      async handler(ctx) {
        const body = parseWith(LoginRequestSchema, await readJsonBody(ctx.req), 'login');
        // Counted before the password (or code) is checked; a failure simply stays counted.
        const attempt = await throttle.begin(body.username, ctx.ip);
        try {
          const answer = await auth.login(body);
          await attempt.succeeded();
          return { json: answer };
        } catch (error) {
          if (error instanceof ServiceError && error.code === 'totp_required') await attempt.notAGuess();
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/api/v1/logout',
      permission: 'self.manage',
      async handler(ctx) {
        const who = requireUser(ctx);
        await auth.logout(who);
        endSessions([who.sessionId], 'revoked');
        return { json: { ok: true } };
      },
    },
  ];
}
