import {
  AuditQuerySchema,
  CreateEnrollTokenRequestSchema,
  CreateSiteRequestSchema,
  CreateUserRequestSchema,
  IdSchema,
  UpdateUserRequestSchema,
  type AuditListResponse,
  type EnrollTokenListResponse,
  type PendingDeviceListResponse,
  type SiteListResponse,
  type TechnicianListResponse,
  type UserListResponse,
} from '@deskside/protocol';
import type { AuditService } from '../../services/audit/audit-service.js';
import type { DevicesAdmin } from '../../services/admin/devices-admin.js';
import type { EnrollTokensAdmin } from '../../services/admin/enroll-tokens-admin.js';
import type { SessionsAdmin } from '../../services/admin/sessions-admin.js';
import type { SitesAdmin } from '../../services/admin/sites-admin.js';
import type { UsersAdmin } from '../../services/admin/users-admin.js';
import { seesPerson } from '../../services/access/site-scope.js';
import type { AuthenticatedUser } from '../../services/auth/session.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

export interface AdminRoutesDeps {
  users: UsersAdmin;
  sessions: SessionsAdmin;
  sites: SitesAdmin;
  enrollTokens: EnrollTokensAdmin;
  devices: DevicesAdmin;
  audit: AuditService;
}

const id = (ctx: RouteContext): string => parseWith(IdSchema, ctx.params['id'], 'id');

/** The unscoped view of the user list, for the assignable-technicians answer (it applies its own rule). */
const ADMIN_VIEW: AuthenticatedUser = { userId: '', role: 'admin', sessionId: '', tier: null, siteIds: [] };

/** Users, sessions (admin side), sites, enrolment tokens, device credentials, the audit log. */
export function adminRoutes(deps: AdminRoutesDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/users',
      permission: 'users.read',
      handler: async (ctx) => ({ json: { users: await deps.users.list(requireUser(ctx)) } satisfies UserListResponse }),
    },
    {
      // Whoever works tickets may see whom they can assign to: active admins and technicians, names only.
      method: 'GET',
      path: '/api/v1/technicians',
      permission: 'tickets.read',
      async handler(ctx) {
        const technicians: TechnicianListResponse['technicians'] = [];
        // Hub-wide staff can take any ticket; the others only those of the sites they share with the asker.
        for (const u of await deps.users.list(ADMIN_VIEW)) {
          if (u.siteIds.length > 0 && !seesPerson(requireUser(ctx), u.siteIds)) continue;
          if (u.disabledAt !== null || u.role === 'auditor') continue;
          technicians.push({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, tier: u.tier });
        }
        return { json: { technicians } satisfies TechnicianListResponse };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      permission: 'users.write',
      async handler(ctx) {
        const body = parseWith(CreateUserRequestSchema, await readJsonBody(ctx.req), 'user');
        return { status: 201, json: await deps.users.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/users/:id',
      permission: 'users.write',
      async handler(ctx) {
        const body = parseWith(UpdateUserRequestSchema, await readJsonBody(ctx.req), 'user change');
        return { json: await deps.users.update(requireUser(ctx), id(ctx), body) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/users/:id/sessions',
      permission: 'sessions.revoke-any',
      handler: async (ctx) => ({ json: { revoked: await deps.sessions.revokeAllOf(requireUser(ctx), id(ctx)) } }),
    },
    {
      method: 'GET',
      path: '/api/v1/sites',
      permission: 'sites.read',
      handler: async (ctx) => ({ json: { sites: await deps.sites.list(requireUser(ctx)) } satisfies SiteListResponse }),
    },
    {
      method: 'POST',
      path: '/api/v1/sites',
      permission: 'sites.write',
      async handler(ctx) {
        const body = parseWith(CreateSiteRequestSchema, await readJsonBody(ctx.req), 'site');
        return { status: 201, json: await deps.sites.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/enroll-tokens',
      permission: 'enroll-tokens.read',
      handler: async (ctx) => ({ json: { enrollTokens: await deps.enrollTokens.list(requireUser(ctx)) } satisfies EnrollTokenListResponse }),
    },
    {
      method: 'POST',
      path: '/api/v1/enroll-tokens',
      permission: 'enroll-tokens.write',
      async handler(ctx) {
        const body = parseWith(CreateEnrollTokenRequestSchema, await readJsonBody(ctx.req), 'enrolment token');
        return { status: 201, json: await deps.enrollTokens.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/enroll-tokens/:id',
      permission: 'enroll-tokens.write',
      handler: async (ctx) => ({ json: await deps.enrollTokens.revoke(requireUser(ctx), id(ctx)) }),
    },
    {
      method: 'GET',
      path: '/api/v1/devices-pending',
      permission: 'devices.read',
      handler: async (ctx) => ({ json: { devices: await deps.devices.listPending(requireUser(ctx)) } satisfies PendingDeviceListResponse }),
    },
    ...(['revoke', 'approve', 'reject'] as const).map(
      (verb): Route => ({
        method: 'POST',
        path: `/api/v1/devices/:id/${verb}`,
        permission: verb === 'revoke' ? 'devices.revoke' : 'devices.approve',
        async handler(ctx) {
          await deps.devices[verb](requireUser(ctx), id(ctx));
          return { json: { ok: true } };
        },
      }),
    ),
    {
      method: 'GET',
      path: '/api/v1/audit',
      permission: 'audit.read',
      async handler(ctx) {
        const query = parseWith(AuditQuerySchema, queryObject(ctx.query), 'query');
        return { json: { entries: await deps.audit.listFor(requireUser(ctx), query.limit ?? 100, query.before) } satisfies AuditListResponse };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/audit/verify',
      permission: 'audit.read',
      handler: async () => ({ json: await deps.audit.verify() }),
    },
  ];
}

