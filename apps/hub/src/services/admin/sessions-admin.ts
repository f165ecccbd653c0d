import type { SessionInfo } from '@deskside/protocol';
import type { AuthenticatedUser } from '../auth/session.js';
import { can } from '../access/permissions.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';
import { toSessionInfo } from './presenters.js';

/** Sessions: a person lists and ends their own; an admin ends anyone's (one, or all of a user). */
export interface SessionsAdmin {
  listOwn(who: AuthenticatedUser): Promise<SessionInfo[]>;
  revoke(who: AuthenticatedUser, sessionId: string): Promise<void>;
  revokeAllOf(who: AuthenticatedUser, userId: string): Promise<number>;
}

export function createSessionsAdmin(deps: AdminDeps): SessionsAdmin {
  return {
    async listOwn(who) {
      const now = deps.clock().getTime();
      const sessions = await deps.store.sessions.listByUser(who.userId);
      return sessions.filter((s) => s.revokedAt === null && s.expiresAt.getTime() > now).map((s) => toSessionInfo(s, who.sessionId));
    },
    async revoke(who, sessionId) {
      const session = await deps.store.sessions.findById(sessionId);
      // Someone else's session looks like no session at all to a non-admin.
      if (!session || (session.userId !== who.userId && !can(who, 'sessions.revoke-any'))) throw new ServiceError('not_found', 'No such session.');
      const actor = await actorOf(deps, who);
      await deps.store.transaction(async (tx) => {
        await tx.sessions.revoke(sessionId, deps.clock());
        await deps.audit.recordIn(tx, actor, 'session.revoke', `session:${sessionId}`, { userId: session.userId });
      });
      deps.endSessions([sessionId], 'revoked');
    },
    async revokeAllOf(who, userId) {
      if (!(await deps.store.users.findById(userId))) throw new ServiceError('not_found', 'No such user.');
      const actor = await actorOf(deps, who);
      const ended = await deps.store.transaction(async (tx) => {
        const ids = await tx.sessions.revokeAllForUser(userId, deps.clock());
        await deps.audit.recordIn(tx, actor, 'session.revoke-all', `user:${userId}`, { count: ids.length });
        return ids;
      });
      deps.endSessions(ended, 'revoked');
      return ended.length;
    },
  };
}
