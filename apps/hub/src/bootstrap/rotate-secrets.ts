import type { Store, UserRecord } from '@deskside/store';
import type { Clock } from '../clock.js';
import type { Logger } from '../log/logger.js';
import { createAuditService, type AuditActor } from '../services/audit/audit-service.js';
import { hashPassword } from '../services/auth/password.js';
import { newSecret } from '../services/auth/secrets.js';
import { addEnrollToken, ADMIN_USERNAME, firstSiteId, GENERATED_TOKEN_DAYS, GENERATED_TOKEN_LABELS } from './bootstrap.js';

export interface RotateRequest {
  adminPassword: boolean;
  enrollToken: boolean;
}

/** The new secrets (stdout only, shown once) and what the rotation ended. */
export interface RotateResult {
  username?: string;
  adminPassword?: string;
  enrollToken?: string;
  endedSessions: number;
  revokedTokens: number;
}

/** Who the audit trail names: the operator at the hub's console, not a signed-in user. */
export const ROTATE_ACTOR: AuditActor = { id: 'cli', name: 'deskside-hub rotate-secrets' };

/**
 * The operator's way back in, from the hub machine's shell (whoever can read the database can
 * already do anything): a new generated password for the first-start admin (or, if that account
 * is gone or disabled, the oldest enabled admin), its sessions ended; and/or a new generated
 * enrolment token (expiring like the first-start one) replacing every generated token still
 * active. Tokens an admin created in the console are not touched. One transaction, audited.
 */
export async function rotateSecrets(deps: { store: Store; clock: Clock; logger: Logger }, request: RotateRequest): Promise<RotateResult> {
  const audit = createAuditService(deps);
  const now = deps.clock();
  const admin = request.adminPassword ? await adminToReset(deps.store) : undefined;
  const adminPassword = admin ? newSecret(18) : undefined;
  const passwordHash = adminPassword !== undefined ? await hashPassword(adminPassword) : undefined;
  const enrollToken = request.enrollToken ? newSecret(32) : undefined;
  const result: RotateResult = { endedSessions: 0, revokedTokens: 0 };
  await deps.store.transaction(async (tx) => {
    if (admin && passwordHash !== undefined) {
      await tx.users.setPasswordHash(admin.id, passwordHash);
      result.endedSessions = (await tx.sessions.revokeAllForUser(admin.id, now)).length;
      await audit.recordIn(tx, ROTATE_ACTOR, 'user.password-reset', `user:${admin.id}`, { username: admin.username, endedSessions: result.endedSessions });
    }
    if (enrollToken !== undefined) {
      const active = (await tx.enrollTokens.list()).filter(
        (t) => GENERATED_TOKEN_LABELS.includes(t.label) && t.revokedAt === null && (t.expiresAt === null || t.expiresAt.getTime() > now.getTime()),
      );
      for (const t of active) await tx.enrollTokens.revoke(t.id, now);
      result.revokedTokens = active.length;
      await addEnrollToken(tx, deps, enrollToken, await firstSiteId(tx, deps), true);
      await audit.recordIn(tx, ROTATE_ACTOR, 'enroll-token.rotate', 'enroll-token:generated', { revoked: active.map((t) => t.id), expiresInDays: GENERATED_TOKEN_DAYS });
    }
  });
  deps.logger.info('secrets rotated from the command line', { adminPassword: admin !== undefined, enrollToken: enrollToken !== undefined, ...result });
  return { ...result, ...(admin ? { username: admin.username } : {}), ...(adminPassword !== undefined ? { adminPassword } : {}), ...(enrollToken !== undefined ? { enrollToken } : {}) };
}

async function adminToReset(store: Store): Promise<UserRecord> {
  const named = await store.users.findByUsername(ADMIN_USERNAME);
  if (named && named.role === 'admin' && named.disabledAt === null) return named;
  const admins = (await store.users.list()).filter((u) => u.role === 'admin' && u.disabledAt === null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const oldest = admins[0];
  if (!oldest) throw new Error('This hub has no enabled administrator account to reset. Start a fresh data directory, or restore a backup.');
  return oldest;
}
