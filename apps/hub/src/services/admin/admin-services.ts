import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { AuditService } from '../audit/audit-service.js';
import type { SecretBox } from '../auth/secret-box.js';
import { createTotpService, type TotpService } from '../auth/totp-service.js';
import type { DomainEvents } from '../events/domain-events.js';
import type { AdminDeps } from './admin-deps.js';
import { createDevicesAdmin, type DevicesAdmin } from './devices-admin.js';
import { createEnrollTokensAdmin, type EnrollTokensAdmin } from './enroll-tokens-admin.js';
import { createSessionsAdmin, type SessionsAdmin } from './sessions-admin.js';
import { createSitesAdmin, type SitesAdmin } from './sites-admin.js';
import { createUsersAdmin, type UsersAdmin } from './users-admin.js';

/** Identity and access: accounts, sessions, sites, enrolment tokens, devices, TOTP. */
export interface AdminServices {
  users: UsersAdmin;
  sessions: SessionsAdmin;
  sites: SitesAdmin;
  enrollTokens: EnrollTokensAdmin;
  devices: DevicesAdmin;
  totp: TotpService;
}

export function createAdminServices(deps: { store: Store; clock: Clock; logger: Logger; audit: AuditService; secretBox: SecretBox; events: DomainEvents }): AdminServices {
  const admin: AdminDeps = {
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger,
    audit: deps.audit,
    endSessions: (ids, reason) => deps.events.emit('sessionsEnded', ids, reason),
    deviceRevoked: (id) => deps.events.emit('deviceRevoked', id),
  };
  return {
    users: createUsersAdmin(admin),
    sessions: createSessionsAdmin(admin),
    sites: createSitesAdmin(admin),
    enrollTokens: createEnrollTokensAdmin(admin),
    devices: createDevicesAdmin(admin),
    totp: createTotpService({ store: deps.store, clock: deps.clock, secretBox: deps.secretBox, audit: deps.audit }),
  };
}
