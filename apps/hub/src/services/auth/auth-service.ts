import { newId, type LoginRequest, type LoginResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { ServiceError } from '../service-error.js';
import { hashPassword, verifyPassword } from './password.js';
import { authenticateToken, createSession, type AuthenticatedUser } from './session.js';

export interface AuthServiceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  sessionHours: number;
}

/** Technician login, logout and token checks. */
export interface AuthService {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(user: AuthenticatedUser): Promise<void>;
  authenticate(token: string): Promise<AuthenticatedUser | undefined>;
}

const BAD_LOGIN = 'Wrong username or password.';

export function createAuthService(deps: AuthServiceDeps): AuthService {
  // Unknown users are checked against this, so they cost the same scrypt time as known ones.
  // Computed up front, so even the first unknown-user login takes one scrypt, not two.
  const dummyHash = hashPassword('deskside-dummy-password');
  dummyHash.catch(() => undefined);
  const dummy = (): Promise<string> => dummyHash;

  return {
    async login({ username, password }) {
      const user = await deps.store.users.findByUsername(username);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
      if (!user || !matches || user.disabledAt !== null) {
        deps.logger.info('login refused', { username: username.slice(0, 64) });
        throw new ServiceError('unauthorized', BAD_LOGIN);
      }
      const session = await createSession({ ...deps, newId: () => newId(deps.clock().getTime()) }, user.id);
      deps.logger.info('login', { userId: user.id, sessionId: session.sessionId });
      return {
        token: session.token,
        user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
        expiresAt: session.expiresAt.toISOString(),
      };
    },
    async logout(user) {
      await deps.store.sessions.revoke(user.sessionId, deps.clock());
      deps.logger.info('logout', { userId: user.userId, sessionId: user.sessionId });
    },
    authenticate: (token) => authenticateToken(deps, token),
  };
}
