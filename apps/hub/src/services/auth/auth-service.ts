import { newId, type LoginRequest, type LoginResponse } from '@deskside/protocol';
import type { Store, UserRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { AuditService } from '../audit/audit-service.js';
import { ServiceError } from '../service-error.js';
import { hashPassword, verifyPassword } from './password.js';
import type { SecretBox } from './secret-box.js';
import { authenticateToken, createSession, type AuthenticatedUser } from './session.js';
import { sessionStatus, type SessionStatus } from './session-status.js';
import { matchTotp } from './totp.js';

export interface AuthServiceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  sessionHours: number;
  /** Decrypts TOTP secrets; without it, accounts with TOTP cannot sign in (fail closed). */
  secretBox?: SecretBox;
  audit?: AuditService;
}

/** Technician login, logout and token checks. */
export interface AuthService {
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(user: AuthenticatedUser): Promise<void>;
  authenticate(token: string): Promise<AuthenticatedUser | undefined>;
  /** Where a session stands now, by id (live console sockets are re-checked with it). */
  status(sessionId: string): Promise<SessionStatus>;
}

const BAD_LOGIN = 'Wrong username or password.';

export function createAuthService(deps: AuthServiceDeps): AuthService {
  // Unknown users are checked against this, so they cost the same scrypt time as known ones.
  // Computed up front, so even the first unknown-user login takes one scrypt, not two.
  const dummyHash = hashPassword('deskside-dummy-password');
  dummyHash.catch(() => undefined);
  const dummy = (): Promise<string> => dummyHash;
  /**
   * Logs and audits a refused login by the ACCOUNT, never by what was typed: a name that matches
   * no account is often a password typed into the name box, so it reaches neither the log nor the
   * audit trail (only that the name was unknown, and its length).
   */
  const refuse = async (typed: string, reason: string, user: UserRecord | undefined): Promise<never> => {
    const who = user ? { userId: user.id, username: user.username } : { username: '(no such account)', typedLength: typed.length };
    deps.logger.info('login refused', { ...who, reason });
    await deps.audit?.record({ id: user?.id ?? 'anonymous', name: user?.username ?? '(no such account)' }, 'login.failure', user ? `user:${user.id}` : 'user:unknown', { reason });
    throw new ServiceError('unauthorized', reason === 'totp' ? 'Wrong or already used authenticator code.' : BAD_LOGIN);
  };
  return {
    async login({ username, password, totp }) {
      const user = await deps.store.users.findByUsername(username);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
      if (!user || !matches || user.disabledAt !== null) return refuse(username, 'password', user);
      const factor = await deps.store.totp.get(user.id);
      if (factor?.confirmedAt) {
        if (totp === undefined) throw new ServiceError('totp_required', 'Enter the 6-digit code from your authenticator app.');
        const secret = deps.secretBox?.open(factor.secretEnc);
        const step = secret === undefined ? undefined : matchTotp(secret, totp, deps.clock());
        // Spending the step is one conditional UPDATE: a code (or an earlier one) works once.
        if (step === undefined || !(await deps.store.totp.spendStep(user.id, step))) return refuse(username, 'totp', user);
      }
      const session = await createSession({ ...deps, newId: () => newId(deps.clock().getTime()) }, user.id);
      deps.logger.info('login', { userId: user.id, sessionId: session.sessionId });
      await deps.audit?.record({ id: user.id, name: user.username }, 'login.success', `user:${user.id}`, { sessionId: session.sessionId, totp: factor?.confirmedAt != null });
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
    status: (sessionId) => sessionStatus(deps, sessionId),
  };
}
