import { IdSchema, TotpConfirmRequestSchema, type MeResponse, type SessionListResponse } from '@deskside/protocol';
import type { SessionsAdmin } from '../../services/admin/sessions-admin.js';
import type { UsersAdmin } from '../../services/admin/users-admin.js';
import type { TotpService } from '../../services/auth/totp-service.js';
import { ServiceError } from '../../services/service-error.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/** The signed-in person's own account: who am I, TOTP, sessions. */
export function meRoutes(deps: { users: UsersAdmin; sessions: SessionsAdmin; totp: TotpService }): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/me',
      permission: 'self.read',
      async handler(ctx) {
        const who = requireUser(ctx);
        const user = await deps.users.get(who.userId);
        if (!user) throw new ServiceError('unauthorized', 'Sign in first.');
        return { json: { user, sessionId: who.sessionId } satisfies MeResponse };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/me/totp',
      permission: 'self.manage',
      handler: async (ctx) => ({ status: 201, json: await deps.totp.begin(requireUser(ctx)) }),
    },
    {
      method: 'POST',
      path: '/api/v1/me/totp/confirm',
      permission: 'self.manage',
      async handler(ctx) {
        const body = parseWith(TotpConfirmRequestSchema, await readJsonBody(ctx.req), 'code');
        await deps.totp.confirm(requireUser(ctx), body.code);
        return { json: { ok: true } };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/me/totp',
      permission: 'self.manage',
      async handler(ctx) {
        const body = parseWith(TotpConfirmRequestSchema, await readJsonBody(ctx.req), 'code');
        await deps.totp.remove(requireUser(ctx), body.code);
        return { json: { ok: true } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/me/sessions',
      permission: 'self.read',
      handler: async (ctx) => ({ json: { sessions: await deps.sessions.listOwn(requireUser(ctx)) } satisfies SessionListResponse }),
    },
    {
      method: 'DELETE',
      path: '/api/v1/sessions/:id',
      // Own sessions for everyone; anyone's for admins (checked in the service).
      permission: 'self.manage',
      async handler(ctx) {
        await deps.sessions.revoke(requireUser(ctx), parseWith(IdSchema, ctx.params['id'], 'session id'));
        return { json: { ok: true } };
      },
    },
  ];
}
