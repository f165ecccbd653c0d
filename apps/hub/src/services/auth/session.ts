import type { ApiTokenScope, ConsoleSocketData } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { newSecret, sha256Hex } from './secrets.js';

/**
 * Who is behind a bearer token: the same shape the console socket carries. For an API token, its
 * creator (role as it is now; sites narrowed to the token's) plus the token's id and scopes.
 */
export type AuthenticatedUser = ConsoleSocketData & { apiToken?: { id: string; scopes: readonly ApiTokenScope[] } };

export interface SessionDeps {
  store: Store;
  clock: Clock;
}

/** Bounds of a token we issue (32 bytes base64url = 43 chars); anything else is not worth a lookup. */
const TOKEN_RE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Resolves a bearer token to its user, or `undefined` when the token is unknown, expired or
 * revoked, or its user is disabled or gone. The realtime side injects this into /console.
 */
export async function authenticateToken(deps: SessionDeps, token: string): Promise<AuthenticatedUser | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const session = await deps.store.sessions.findByTokenHash(sha256Hex(token));
  if (!session || session.revokedAt !== null) return undefined;
  if (session.expiresAt.getTime() <= deps.clock().getTime()) return undefined;
  const user = await deps.store.users.findById(session.userId);
  if (!user || user.disabledAt !== null) return undefined;
  return { userId: user.id, role: user.role, sessionId: session.id, tier: user.tier, siteIds: user.siteIds };
}

/** Opens a session for `userId`; answers the bearer token (shown once; only its hash is stored). */
export async function createSession(
  deps: SessionDeps & { sessionHours: number; newId: () => string },
  userId: string,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSecret(32);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3_600_000);
  const sessionId = deps.newId();
  await deps.store.sessions.create({ id: sessionId, tokenHash: sha256Hex(token), userId, createdAt: now, expiresAt, revokedAt: null });
  return { token, sessionId, expiresAt };
}
