import type { UserRecord, UserRepository } from '@deskside/store';
import type { AuditActor } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';

/** Who made a change, by id and by the name shown in histories (as it was then). */
export interface Actor {
  userId: string;
  name: string;
}

/**
 * The acting user of a request, derived one way for every route and service: the user row is
 * read once per action, so a renamed person shows under the name they had when they acted.
 */
export interface Actors {
  /** Histories (assets, alerts, policies, reports): the display name, else the username. */
  reader(user: AuthenticatedUser): Promise<Actor>;
  /** As `reader`, for a change: auditors view but never change anything. */
  writer(user: AuthenticatedUser): Promise<Actor>;
  /** The audit log names people by their login (username), which is what an auditor searches for. */
  audit(user: AuthenticatedUser): Promise<AuditActor>;
}

/** Names longer than this are cut (the alert and policy histories store at most 128 characters). */
const MAX_NAME = 128;

/** The one naming rule of histories: display name, else username; a deleted user is 'unknown user'. */
export function actorName(record: Pick<UserRecord, 'displayName' | 'username'> | undefined): string {
  return (record ? record.displayName || record.username : 'unknown user').slice(0, MAX_NAME);
}

export function createActors(users: Pick<UserRepository, 'findById'>): Actors {
  const reader = async (user: AuthenticatedUser): Promise<Actor> => ({ userId: user.userId, name: actorName(await users.findById(user.userId)) });
  return {
    reader,
    async writer(user) {
      if (user.role === 'auditor') throw new ServiceError('forbidden', 'Auditors can view but not change asset records.');
      return reader(user);
    },
    async audit(user) {
      const record = await users.findById(user.userId);
      return { id: user.userId, name: record?.username ?? user.userId };
    },
  };
}
