import type { Kysely } from 'kysely';
import { toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { PruneMessagesOptions } from './maintenance-types.js';

/**
 * Bounded deletes: each statement removes at most about `limit` rows (the oldest), so a first run
 * over a long backlog holds SQLite's one writer briefly per call instead of for seconds.
 *
 * Rollups are cut on an hour: everything before the (limit+1)-th oldest row's hour fits the bound,
 * and a range delete on the hour index is all it takes. (A row-value `IN (subquery)` was planned
 * as a scan of each device's rollups once SQLite had statistics for a small table.)
 */
export async function pruneHealthRollups(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
  const max = positive(limit);
  const older = db.selectFrom('health_rollups').select('hour').where('hour', '<', toMs(before)).orderBy('hour');
  const next = await older.limit(1).offset(max).executeTakeFirst();
  let upper = toMs(before);
  if (next !== undefined) {
    upper = Number(next.hour);
    const oldest = await older.limit(1).executeTakeFirstOrThrow();
    if (Number(oldest.hour) === upper) {
      // The oldest hour alone holds more than `limit` rollups (a fleet that large): slice it by device.
      const result = await db
        .deleteFrom('health_rollups')
        .where('hour', '=', upper)
        .where('device_id', 'in', db.selectFrom('health_rollups').select('device_id').where('hour', '=', upper).limit(max))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    }
  }
  const result = await db.deleteFrom('health_rollups').where('hour', '<', upper).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Message records: the inner select walks the processed_at index, the outer delete finds each row
 * by its primary key (device_id, message_id).
 */
export async function pruneMessages(db: Kysely<Database>, options: PruneMessagesOptions): Promise<number> {
  const { kinds, exceptKinds } = options;
  if (kinds !== undefined && kinds.length === 0) return 0;
  let oldest = db
    .selectFrom('processed_messages')
    .select(['device_id', 'message_id'])
    .where('processed_at', '<', toMs(options.before));
  if (kinds !== undefined) oldest = oldest.where('kind', 'in', [...kinds]);
  if (exceptKinds !== undefined && exceptKinds.length > 0) oldest = oldest.where('kind', 'not in', [...exceptKinds]);
  const result = await db
    .deleteFrom('processed_messages')
    .where((eb) => eb(eb.refTuple('device_id', 'message_id'), 'in', oldest.orderBy('processed_at').limit(positive(options.limit)).$asTuple('device_id', 'message_id')))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Logged knowledge-base searches (what employees and technicians typed: the report's "searched,
 * found nothing" list). The oldest first along the `at` index, each found again by its id.
 */
export async function pruneKbSearches(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
  const oldest = db.selectFrom('kb_searches').select('id').where('at', '<', toMs(before)).orderBy('at').limit(positive(limit));
  const result = await db.deleteFrom('kb_searches').where('id', 'in', oldest).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function positive(limit: number): number {
  return Math.max(1, Math.floor(limit));
}
