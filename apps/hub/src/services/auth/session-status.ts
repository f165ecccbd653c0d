import type { SessionEnded } from '@deskside/protocol';
import type { SessionDeps } from './session.js';

/**
 * Where a session stands now. `active` carries its absolute expiry: sessions have no idle
 * timeout (a session lives `sessionHours` from login, whatever is done with it), so the expiry
 * known at one moment holds until the session is revoked.
 */
export type SessionStatus = { state: 'active'; expiresAt: Date } | { state: SessionEnded['reason'] };

/**
 * Re-checks a session by id (not token): what a live console socket's session has become since
 * its handshake. Gone from the store counts as expired — only the expired-session prune deletes
 * sessions. A disabled or deleted user makes their sessions revoked.
 */
export async function sessionStatus(deps: SessionDeps, sessionId: string): Promise<SessionStatus> {
  const session = await deps.store.sessions.findById(sessionId);
  if (!session) return { state: 'expired' };
  const expiresAt = session.expiresAt.getTime();
  // Revoking an already expired session (e.g. disabling its user later) does not make it "revoked".
  if (session.revokedAt !== null && session.revokedAt.getTime() < expiresAt) return { state: 'revoked' };
  if (expiresAt <= deps.clock().getTime()) return { state: 'expired' };
  const user = await deps.store.users.findById(session.userId);
  if (!user || user.disabledAt !== null) return { state: 'revoked' };
  return { state: 'active', expiresAt: session.expiresAt };
}
