import type { AdminServices } from '../../services/admin/admin-services.js';
import type { AuditService } from '../../services/audit/audit-service.js';
import type { Route } from '../router.js';
import { adminRoutes } from './admin-routes.js';
import { meRoutes } from './me-routes.js';

/** Identity and access: the signed-in person's account, and the admin API. */
export function accessRoutes(admin: AdminServices, audit: AuditService): Route[] {
  return [
    ...meRoutes({ users: admin.users, sessions: admin.sessions, totp: admin.totp }),
    ...adminRoutes({ users: admin.users, sessions: admin.sessions, sites: admin.sites, enrollTokens: admin.enrollTokens, devices: admin.devices, audit }),
  ];
}
