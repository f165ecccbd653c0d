import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { createActors } from '../access/actor.js';
import type { AuditActor, AuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';

/** What every admin service works with. */
export interface AdminDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  /** Ends live console sockets of these sessions (`session:ended`), here and on other hubs. */
  endSessions(sessionIds: readonly string[], reason: 'revoked' | 'expired'): void;
  /** Drops a device's live agent sockets at once. */
  deviceRevoked(deviceId: string): void;
}

/** The audit actor of a signed-in person (services/access/actor.ts), looked up once per action. */
export function actorOf(deps: Pick<AdminDeps, 'store'>, who: AuthenticatedUser): Promise<AuditActor> {
  return createActors(deps.store.users).audit(who);
}
