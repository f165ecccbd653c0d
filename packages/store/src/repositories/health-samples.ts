import type { Kysely, Selectable } from 'kysely';
import { MetricsSampleSchema } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { fromJson } from '../mapping/json.js';
import { nulSafe } from '../mapping/nul-safe-plugin.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database, HealthSamplesTable } from '../schema.js';
import type { HealthSampleRecord, HealthSampleRepository } from '../types.js';
import type { HotStatements } from '../sqlite/hot-statements.js';
import { atomically } from './atomically.js';

const COLUMNS_PER_ROW = 4;

export function createHealthSampleRepository(db: Kysely<Database>, hot?: HotStatements): HealthSampleRepository {
  return {
    async insertMany(samples) {
      if (samples.length === 0) return;
      if (hot && db.isTransaction) {
        // Past Kysely (and its NulSafePlugin): the same NUL rule by hand.
        for (const s of samples) hot.insertSample.run(s.deviceId, s.messageId, toMs(s.at), nulSafe(JSON.stringify(s.metrics)));
        return;
      }
      const rows = samples.map((s) => ({
        device_id: s.deviceId,
        message_id: s.messageId,
        at: toMs(s.at),
        metrics: JSON.stringify(s.metrics),
      }));
      await atomically(db, async (trx) => {
        for (const chunk of chunkForParams(rows, COLUMNS_PER_ROW)) {
          await trx.insertInto('health_samples').values(chunk).execute();
        }
      });
    },
    async recent(deviceId, since, limit) {
      const max = Math.floor(limit);
      if (!(max > 0)) return [];
      const rows = await db
        .selectFrom('health_samples')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('at', '>=', toMs(since))
        .orderBy('at', 'desc')
        .limit(max)
        .execute();
      return rows.map(toSample);
    },
    async prune(before) {
      const result = await db.deleteFrom('health_samples').where('at', '<', toMs(before)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSample(row: Selectable<HealthSamplesTable>): HealthSampleRecord {
  return {
    deviceId: row.device_id,
    messageId: row.message_id,
    at: fromMs(row.at),
    metrics: MetricsSampleSchema.parse(fromJson(row.metrics)),
  };
}
