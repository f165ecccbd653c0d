import { sql, type Kysely } from 'kysely';
import type { AttemptCounterRepository } from '../access-types.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';

/**
 * Attempt counters as one upsert per attempt: SQLite runs each statement alone, so N simultaneous
 * attempts get the counts 1…N, never the same one twice.
 */
export function createAttemptCounterRepository(db: Kysely<Database>): AttemptCounterRepository {
  return {
    async take(key, at, windowMs, amount = 1) {
      const now = toMs(at);
      const expired = now - windowMs;
      const row = await db
        .insertInto('attempt_counters')
        .values({ key, count: amount, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when attempt_counters.window_start <= ${expired} then cast(${amount} as integer) else attempt_counters.count + cast(${amount} as integer) end`,
            window_start: sql<number>`case when attempt_counters.window_start <= ${expired} then ${now} else attempt_counters.window_start end`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), windowStart: fromMs(row.window_start) };
    },
    async giveBack(key, amount = 1) {
      await db
        .updateTable('attempt_counters')
        .set({ count: sql<number>`case when count > cast(${amount} as integer) then count - cast(${amount} as integer) else 0 end` })
        .where('key', '=', key)
        .execute();
    },
    async clear(key) {
      await db.deleteFrom('attempt_counters').where('key', '=', key).execute();
    },
    async pruneBefore(before) {
      const result = await db.deleteFrom('attempt_counters').where('window_start', '<', toMs(before)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
