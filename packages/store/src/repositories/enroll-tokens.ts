import type { Kysely, Selectable } from 'kysely';
import { fromMs, fromMsOrNull, numberOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database, EnrollTokensTable } from '../schema.js';
import type { EnrollTokenRecord, EnrollTokenRepository } from '../types.js';

export function createEnrollTokenRepository(db: Kysely<Database>): EnrollTokenRepository {
  return {
    async create(token) {
      await db
        .insertInto('enroll_tokens')
        .values({
          id: token.id,
          token_hash: token.tokenHash,
          site_id: token.siteId,
          label: token.label,
          created_at: toMs(token.createdAt),
          expires_at: toMsOrNull(token.expiresAt),
          max_uses: token.maxUses,
          uses: token.uses,
          revoked_at: toMsOrNull(token.revokedAt),
        })
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('enroll_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toEnrollToken);
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('enroll_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? undefined : toEnrollToken(row);
    },
    async consumeUse(id, now) {
      // One conditional UPDATE: the check and the increment are a single atomic step, so two
      // agents racing for the last use cannot both see "one left" and both count it.
      const at = toMs(now);
      const result = await db
        .updateTable('enroll_tokens')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
        .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revoke(id, at) {
      await db
        .updateTable('enroll_tokens')
        .set({ revoked_at: toMs(at) })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

function toEnrollToken(row: Selectable<EnrollTokensTable>): EnrollTokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    siteId: row.site_id,
    label: row.label,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMsOrNull(row.expires_at),
    maxUses: numberOrNull(row.max_uses),
    uses: Number(row.uses),
    revokedAt: fromMsOrNull(row.revoked_at),
  };
}
