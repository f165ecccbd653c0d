import type { Kysely } from 'kysely';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { CannedResponseRepository } from './ticket-types.js';

export function createCannedResponseRepository(db: Kysely<Database>): CannedResponseRepository {
  return {
    async list() {
      const rows = await db.selectFrom('canned_responses').selectAll().orderBy('title').orderBy('id').limit(1000).execute();
      return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, createdBy: r.created_by, createdAt: fromMs(r.created_at) }));
    },
    async create(r) {
      await db
        .insertInto('canned_responses')
        .values({ id: r.id, title: r.title, body: r.body, created_by: r.createdBy, created_at: toMs(r.createdAt) })
        .execute();
    },
  };
}
