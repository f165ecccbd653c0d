import { newId, type CreatedEnrollToken, type CreateEnrollTokenRequest, type EnrollToken } from '@deskside/protocol';
import type { EnrollTokenRecord } from '@deskside/store';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { seesSite } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';
import { toEnrollToken } from './presenters.js';

/** Enrolment tokens: several, per site, hashed, with expiry and a use limit; revocable. */
export interface EnrollTokensAdmin {
  /** The tokens of the sites `who` may see. */
  list(who: AuthenticatedUser): Promise<EnrollToken[]>;
  /** The plaintext token is in this answer only. */
  create(who: AuthenticatedUser, request: CreateEnrollTokenRequest): Promise<CreatedEnrollToken>;
  revoke(who: AuthenticatedUser, id: string): Promise<EnrollToken>;
}

export function createEnrollTokensAdmin(deps: AdminDeps): EnrollTokensAdmin {
  return {
    async list(who) {
      return (await deps.store.enrollTokens.list()).filter((t) => seesSite(who, t.siteId)).map(toEnrollToken);
    },
    async create(who, request) {
      if (!(await deps.store.sites.findById(request.siteId))) throw new ServiceError('invalid_payload', 'No such site.');
      const now = deps.clock();
      const token = newSecret(24);
      const record: EnrollTokenRecord = {
        id: newId(now.getTime()),
        tokenHash: sha256Hex(token),
        siteId: request.siteId,
        label: request.label,
        createdAt: now,
        expiresAt: request.expiresInHours === undefined ? null : new Date(now.getTime() + request.expiresInHours * 3_600_000),
        maxUses: request.maxUses ?? null,
        uses: 0,
        revokedAt: null,
      };
      const actor = await actorOf(deps, who);
      await deps.store.transaction(async (tx) => {
        await tx.enrollTokens.create(record);
        await deps.audit.recordIn(tx, actor, 'enroll-token.create', `enroll-token:${record.id}`, {
          siteId: record.siteId,
          label: record.label,
          expiresAt: record.expiresAt?.toISOString() ?? null,
          maxUses: record.maxUses,
        });
      });
      return { enrollToken: toEnrollToken(record), token };
    },
    async revoke(who, id) {
      const actor = await actorOf(deps, who);
      const updated = await deps.store.transaction(async (tx) => {
        const existing = (await tx.enrollTokens.list()).find((t) => t.id === id);
        if (!existing) throw new ServiceError('not_found', 'No such enrolment token.');
        await tx.enrollTokens.revoke(id, deps.clock());
        await deps.audit.recordIn(tx, actor, 'enroll-token.revoke', `enroll-token:${id}`, { label: existing.label });
        return (await tx.enrollTokens.list()).find((t) => t.id === id) ?? existing;
      });
      return toEnrollToken(updated);
    },
  };
}
