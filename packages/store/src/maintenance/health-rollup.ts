import type { Kysely, Transaction } from 'kysely';
import { MetricsSampleSchema } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { RollupBatchResult } from './maintenance-types.js';
import { hourOf, mergeRollups, rollupOfSample } from './rollup-math.js';
import type { HealthRollupsTable } from './schema-rollups.js';

export const ROLLUP_COLUMNS = 21;
export type RawSampleRow = { device_id: string; at: number; metrics: string };

/**
 * One bounded step of the health rollup (see StoreMaintenance.rollUpHealth). The batch is cut on
 * a sample time, not a row count, so "delete what was read" is a plain range delete on the `at`
 * index: every sample older than the cut was read in this same transaction (SQLite's single
 * writer keeps anything from slipping in between the read and the delete).
 */
export async function rollUpHealthBatch(db: Kysely<Database>, before: Date, limit: number): Promise<RollupBatchResult> {
  const cutoff = hourOf(toMs(before));
  const max = Math.max(1, Math.floor(limit));
  return db.transaction().execute(async (trx) => {
    const read = await rawSamples(trx, cutoff, max + 1);
    if (read.length === 0) return { samples: 0, discarded: 0, rollups: 0, done: true };
    let rows = read;
    let upper = cutoff;
    const next = read[max];
    if (next !== undefined) {
      // More than `limit` are waiting: stop before the first sample time that did not fit whole.
      upper = Number(next.at);
      rows = read.slice(0, read.findIndex((r) => Number(r.at) === upper));
      if (rows.length === 0) {
        // Over `limit` samples share one millisecond: that instant goes whole (it cannot be split by time).
        rows = await trx.selectFrom('health_samples').select(['device_id', 'at', 'metrics']).where('at', '=', upper).execute();
        upper += 1;
      }
    }
    const { folded, discarded } = foldSamples(rows);
    const rollups = await mergeWithStored(trx, folded);
    for (const chunk of chunkForParams(rollups, ROLLUP_COLUMNS)) await upsertRollups(trx, chunk);
    await trx.deleteFrom('health_samples').where('at', '<', upper).execute();
    return { samples: rows.length - discarded, discarded, rollups: rollups.length, done: next === undefined };
  });
}

function rawSamples(trx: Transaction<Database>, cutoff: number, limit: number): Promise<RawSampleRow[]> {
  return trx
    .selectFrom('health_samples')
    .select(['device_id', 'at', 'metrics'])
    .where('at', '<', cutoff)
    .orderBy('at')
    .limit(limit)
    .execute();
}

/** Raw samples as one rollup per (device, hour), keyed by `rollupKey`; unreadable samples are counted, not folded. */
export function foldSamples(rows: readonly RawSampleRow[]): { folded: Map<string, HealthRollupsTable>; discarded: number } {
  const folded = new Map<string, HealthRollupsTable>();
  let discarded = 0;
  for (const row of rows) {
    const metrics = MetricsSampleSchema.safeParse(parseJson(row.metrics));
    if (!metrics.success) {
      discarded++;
      continue;
    }
    const one = rollupOfSample(row.device_id, Number(row.at), metrics.data);
    const k = rollupKey(one.device_id, one.hour);
    const seen = folded.get(k);
    folded.set(k, seen ? mergeRollups(seen, one) : one);
  }
  return { folded, discarded };
}

/** Folds in what earlier runs stored for the same (device, hour): late samples, or an hour cut by a batch. */
async function mergeWithStored(trx: Transaction<Database>, folded: Map<string, HealthRollupsTable>): Promise<HealthRollupsTable[]> {
  const keys = [...folded.values()].map((r) => ({ device_id: r.device_id, hour: r.hour }));
  for (const chunk of chunkForParams(keys, 2)) {
    const stored = await trx
      .selectFrom('health_rollups')
      .selectAll()
      .where((eb) => eb(eb.refTuple('device_id', 'hour'), 'in', chunk.map((k) => eb.tuple(k.device_id, k.hour))))
      .execute();
    for (const row of stored) {
      const k = rollupKey(row.device_id, Number(row.hour));
      const fresh = folded.get(k);
      if (fresh) folded.set(k, mergeRollups(normalizeRollupRow(row), fresh));
    }
  }
  return [...folded.values()];
}

/** Writes rows that are already merged with what was stored: each replaces its (device, hour) whole. */
export async function upsertRollups(trx: Kysely<Database>, rows: HealthRollupsTable[]): Promise<void> {
  await trx
    .insertInto('health_rollups')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['device_id', 'hour']).doUpdateSet((eb) => {
        // The new row is already the merge of stored and fresh: it replaces every figure.
        const set: Record<string, unknown> = {};
        for (const column of UPDATED_COLUMNS) set[column] = eb.ref(`excluded.${column}`);
        return set as Partial<HealthRollupsTable>;
      }),
    )
    .execute();
}

const UPDATED_COLUMNS = [
  'samples', 'last_at', 'cpu_sum', 'cpu_max', 'mem_used_sum', 'mem_used_max', 'mem_total', 'uptime_seconds',
  'disk_last_at', 'disk_used_last', 'disk_used_max', 'disk_total', 'wifi_samples', 'wifi_signal_sum',
  'wifi_signal_count', 'wifi_signal_min', 'wifi_quality_sum', 'wifi_quality_count', 'wifi_quality_min',
] as const satisfies ReadonlyArray<keyof HealthRollupsTable>;

/** Numbers as numbers (a PostgreSQL driver may answer int8 as text). */
export function normalizeRollupRow(row: HealthRollupsTable): HealthRollupsTable {
  const out: Record<string, unknown> = { ...row };
  for (const [column, value] of Object.entries(row)) {
    if (column !== 'device_id' && value !== null) out[column] = Number(value);
  }
  return out as unknown as HealthRollupsTable;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function rollupKey(deviceId: string, hour: number): string {
  return `${deviceId}\u0000${hour}`;
}
