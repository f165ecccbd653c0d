import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { AdminDeps } from '../../services/admin/admin-deps.js';
import { createDevicesAdmin } from '../../services/admin/devices-admin.js';
import { createEnrollTokensAdmin } from '../../services/admin/enroll-tokens-admin.js';
import { createSessionsAdmin } from '../../services/admin/sessions-admin.js';
import { createSitesAdmin } from '../../services/admin/sites-admin.js';
import { createUsersAdmin } from '../../services/admin/users-admin.js';
import type { AuditService } from '../../services/audit/audit-service.js';
import type { SecretBox } from '../../services/auth/secret-box.js';
import { createTotpService } from '../../services/auth/totp-service.js';
import type { Route } from '../router.js';
import { adminRoutes } from './admin-routes.js';
import { meRoutes } from './me-routes.js';

export interface AccessRoutesDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  secretBox: SecretBox;
  realtime: Pick<AdminDeps, 'endSessions' | 'deviceRevoked'> & { deviceEnrolled(deviceId: string, keyHash: string): void };
}

/** Identity and access: the signed-in person's account, and the admin API. */
export function accessRoutes(deps: AccessRoutesDeps): Route[] {
  const admin: AdminDeps = {
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'admin' }),
    audit: deps.audit,
    endSessions: (ids, reason) => deps.realtime.endSessions(ids, reason),
    deviceRevoked: (id) => deps.realtime.deviceRevoked(id),
  };
  const users = createUsersAdmin(admin);
  const sessions = createSessionsAdmin(admin);
  const totp = createTotpService({ store: deps.store, clock: deps.clock, secretBox: deps.secretBox, audit: deps.audit });
  return [
    ...meRoutes({ users, sessions, totp }),
    ...adminRoutes({
      users,
      sessions,
      sites: createSitesAdmin(admin),
      enrollTokens: createEnrollTokensAdmin(admin),
      devices: createDevicesAdmin(admin),
      audit: deps.audit,
    }),
  ];
}
