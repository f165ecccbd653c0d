import type { Kysely } from 'kysely';
import { toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { PruneMessagesOptions } from './maintenance-types.js';

/**
 * Bounded deletes: each statement removes at most `limit` rows (the oldest), so a first run over a
 * long backlog holds SQLite's one writer for a short while per call instead of for seconds. The
 * inner select walks the time index; the outer delete finds each row by its primary key.
 */
export async function pruneHealthRollups(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
  const max = positive(limit);
  const result = await db
    .deleteFrom('health_rollups')
    .where((eb) =>
      eb(
        eb.refTuple('device_id', 'hour'),
        'in',
        eb.selectFrom('health_rollups').select(['device_id', 'hour']).where('hour', '<', toMs(before)).orderBy('hour').limit(max).$asTuple('device_id', 'hour'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

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

function positive(limit: number): number {
  return Math.max(1, Math.floor(limit));
}
