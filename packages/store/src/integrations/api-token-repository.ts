import type { Kysely, Selectable } from 'kysely';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { ApiTokenRecord, ApiTokenRepository } from './integration-types.js';
import type { ApiTokensTable } from './schema-integrations.js';
import { stringList } from './string-list.js';

export function createApiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async create(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          label: t.label,
          token_hash: t.tokenHash,
          prefix: t.prefix,
          scopes: JSON.stringify(t.scopes),
          site_ids: JSON.stringify(t.siteIds),
          created_by: t.createdBy,
          created_at: toMs(t.createdAt),
          expires_at: toMsOrNull(t.expiresAt),
          last_used_at: toMsOrNull(t.lastUsedAt),
          revoked_at: toMsOrNull(t.revokedAt),
        })
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toRecord);
    },
    async findById(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toRecord(row);
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: toMs(at) }).where('id', '=', id).execute();
    },
    async revoke(id, at) {
      const result = await db.updateTable('api_tokens').set({ revoked_at: toMs(at) }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    label: row.label,
    tokenHash: row.token_hash,
    prefix: row.prefix,
    scopes: stringList(row.scopes),
    siteIds: stringList(row.site_ids),
    createdBy: row.created_by,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMsOrNull(row.expires_at),
    lastUsedAt: fromMsOrNull(row.last_used_at),
    revokedAt: fromMsOrNull(row.revoked_at),
  };
}
