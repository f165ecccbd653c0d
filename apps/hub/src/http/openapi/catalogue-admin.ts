import * as p from '@deskside/protocol';
import type { OperationCatalogue } from './operation-doc.js';

/** Sign-in, own account, administration, audit, operations. */
export const ADMIN_OPERATIONS: OperationCatalogue = {
  'POST /api/v1/login': { tag: 'Sign-in', summary: 'Sign in: a session token', body: p.LoginRequestSchema, response: p.LoginResponseSchema },
  'POST /api/v1/logout': { tag: 'Sign-in', summary: 'End this session', response: p.OkResponseSchema },
  'POST /api/v1/enroll': { tag: 'Sign-in', summary: 'Enrol a device with an enrolment token (agents)', body: p.EnrollRequestSchema, response: p.EnrollResponseSchema, status: 201 },
  'GET /api/v1/me': { tag: 'Account', summary: 'Who is signed in', response: p.MeResponseSchema },
  'POST /api/v1/me/totp': { tag: 'Account', summary: 'Start two-factor enrolment', response: p.TotpEnrollmentSchema, status: 201 },
  'POST /api/v1/me/totp/confirm': { tag: 'Account', summary: 'Confirm two-factor enrolment with a code', body: p.TotpConfirmRequestSchema, response: p.OkResponseSchema },
  'DELETE /api/v1/me/totp': { tag: 'Account', summary: 'Turn two-factor sign-in off (needs a code)', body: p.TotpConfirmRequestSchema, response: p.OkResponseSchema },
  'GET /api/v1/me/sessions': { tag: 'Account', summary: 'Your sessions', response: p.SessionListResponseSchema },
  'DELETE /api/v1/sessions/:id': { tag: 'Account', summary: 'End one of your sessions', response: p.OkResponseSchema },
  'GET /api/v1/users': { tag: 'Administration', summary: 'List people', response: p.UserListResponseSchema },
  'GET /api/v1/technicians': { tag: 'Administration', summary: 'Technicians tickets can be assigned to', response: p.TechnicianListResponseSchema },
  'POST /api/v1/users': { tag: 'Administration', summary: 'Add a person', body: p.CreateUserRequestSchema, response: p.AdminUserSchema, status: 201 },
  'PATCH /api/v1/users/:id': { tag: 'Administration', summary: 'Change a person (role, sites, password, disabled)', body: p.UpdateUserRequestSchema, response: p.AdminUserSchema },
  'DELETE /api/v1/users/:id/sessions': { tag: 'Administration', summary: 'End every session of a person', response: p.RevokedCountResponseSchema },
  'GET /api/v1/sites': { tag: 'Administration', summary: 'List sites', response: p.SiteListResponseSchema },
  'POST /api/v1/sites': { tag: 'Administration', summary: 'Add a site', body: p.CreateSiteRequestSchema, response: p.SiteSchema, status: 201 },
  'GET /api/v1/enroll-tokens': { tag: 'Administration', summary: 'List enrolment tokens', response: p.EnrollTokenListResponseSchema },
  'POST /api/v1/enroll-tokens': { tag: 'Administration', summary: 'Create an enrolment token (shown once)', body: p.CreateEnrollTokenRequestSchema, response: p.CreatedEnrollTokenSchema, status: 201 },
  'DELETE /api/v1/enroll-tokens/:id': { tag: 'Administration', summary: 'Revoke an enrolment token', response: p.EnrollTokenSchema },
  'GET /api/v1/audit': { tag: 'Administration', summary: 'The audit log, newest first', query: p.AuditQuerySchema, response: p.AuditListResponseSchema },
  'GET /api/v1/audit/verify': { tag: 'Administration', summary: 'Verify the audit log\'s hash chain', response: p.AuditVerdictSchema },
  'GET /healthz': { tag: 'Operations', summary: 'Liveness and database reachability (load balancers)', response: p.HealthzResponseSchema },
  'GET /metrics': { tag: 'Operations', summary: 'Metrics in the Prometheus text format', file: 'text/plain' },
  'GET /api/v1/openapi.json': { tag: 'Operations', summary: 'This document', file: 'application/json' },
};
