import type { Kysely } from 'kysely';
import { toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { HealthRollupRepository } from './maintenance-types.js';
import { toRollupRecord } from './rollup-math.js';
import { moveRollups, readHours } from './rollup-hours.js';

export function createHealthRollupRepository(db: Kysely<Database>): HealthRollupRepository {
  return {
    async range(deviceId, from, to, limit) {
      const max = Math.floor(limit);
      if (!(max > 0)) return [];
      // The primary key (device_id, hour) answers this as one index range.
      const rows = await db
        .selectFrom('health_rollups')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('hour', '>=', toMs(from))
        .where('hour', '<', toMs(to))
        .orderBy('hour')
        .limit(max)
        .execute();
      return rows.map(toRollupRecord);
    },
    async hourly(deviceId, from, to, limit) {
      return (await readHours(db, deviceId, toMs(from), toMs(to), limit)).map(toRollupRecord);
    },
    moveDevice: (fromId, toId) => moveRollups(db, fromId, toId),
  };
}
