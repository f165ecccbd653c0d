import type { Kysely, Selectable } from 'kysely';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database, SessionsTable } from '../schema.js';
import type { SessionRecord, SessionRepository } from '../types.js';

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          token_hash: session.tokenHash,
          user_id: session.userId,
          created_at: toMs(session.createdAt),
          expires_at: toMs(session.expiresAt),
          revoked_at: toMsOrNull(session.revokedAt),
        })
        .execute();
    },
    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined ? undefined : toSession(row);
    },
    async revoke(id, at) {
      // The first revocation time stands: revoking twice does not rewrite history.
      await db
        .updateTable('sessions')
        .set({ revoked_at: toMs(at) })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSession(row);
    },
    async listByUser(userId) {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return rows.map(toSession);
    },
    async revokeAllForUser(userId, at) {
      const rows = await db
        .updateTable('sessions')
        .set({ revoked_at: toMs(at) })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<', toMs(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMs(row.expires_at),
    revokedAt: fromMsOrNull(row.revoked_at),
  };
}
