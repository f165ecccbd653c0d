import type { Kysely } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import type { Database } from '../schema.js';
import { foldSamples, normalizeRollupRow, ROLLUP_COLUMNS, upsertRollups } from './health-rollup.js';
import { HOUR_MS, mergeRollups } from './rollup-math.js';
import type { HealthRollupsTable } from './schema-rollups.js';

/**
 * Most raw samples folded on the fly by one `hourly` read: the 7 days of full resolution at one
 * sample every 6 s. Past it, the newest hours are left out rather than the read growing unbounded.
 */
export const MAX_RAW_SAMPLES_PER_READ = 100_000;

/** Raw samples are read and folded a day (whole hours) at a time. */
const RAW_SLICE_MS = 24 * HOUR_MS;

/**
 * A device's hours starting in [from, to), oldest first, at most `limit`: the stored rollups
 * merged with the raw samples not rolled up yet, folded with the same math the rollup job uses,
 * so an hour reads the same before and after the job has run (and the hour in progress too).
 */
export async function readHours(db: Kysely<Database>, deviceId: string, from: number, to: number, limit: number): Promise<HealthRollupsTable[]> {
  const max = Math.floor(limit);
  if (!(max > 0) || !(from < to)) return [];
  const firstHour = Math.ceil(from / HOUR_MS) * HOUR_MS;
  // Samples of hours h with from <= h < to: [first hour start, the start of the hour after the last).
  const rawEnd = Math.ceil(to / HOUR_MS) * HOUR_MS;
  const stored = await db.selectFrom('health_rollups').selectAll().where('device_id', '=', deviceId).where('hour', '>=', from).where('hour', '<', to).orderBy('hour').limit(max).execute();
  const hours = new Map<number, HealthRollupsTable>();
  for (const row of stored) {
    const normal = normalizeRollupRow(row);
    hours.set(normal.hour, normal);
  }
  // Raw samples a day at a time, yielding in between: better-sqlite3 blocks the event loop while it
  // reads and the fold is synchronous too, so 7 days in one go held heartbeats ~75 ms; a day is
  // ~11 ms. Slices are whole hours, so no hour is split between two folds.
  let budget = MAX_RAW_SAMPLES_PER_READ;
  for (let start = firstHour; start < rawEnd && budget > 0; start += RAW_SLICE_MS) {
    if (start > firstHour) await new Promise<void>((resolve) => setImmediate(resolve));
    const raw = await db
      .selectFrom('health_samples')
      .select(['device_id', 'at', 'metrics'])
      .where('device_id', '=', deviceId)
      .where('at', '>=', start)
      .where('at', '<', Math.min(start + RAW_SLICE_MS, rawEnd))
      .orderBy('at')
      .limit(budget)
      .execute();
    budget -= raw.length;
    for (const fresh of foldSamples(raw).folded.values()) {
      const seen = hours.get(fresh.hour);
      hours.set(fresh.hour, seen ? mergeRollups(seen, fresh) : fresh);
    }
  }
  return [...hours.values()].sort((a, b) => a.hour - b.hour).slice(0, max);
}

/**
 * Moves every rollup of `fromId` to `toId`, merging hours both have (counts and sums add, peaks
 * keep the larger, "last" readings the later). Call inside a transaction. Answers the number of
 * `fromId` rollups moved.
 */
export async function moveRollups(db: Kysely<Database>, fromId: string, toId: string): Promise<number> {
  const source = (await db.selectFrom('health_rollups').selectAll().where('device_id', '=', fromId).execute()).map(normalizeRollupRow);
  if (source.length === 0) return 0;
  const merged = new Map<number, HealthRollupsTable>();
  for (const row of source) merged.set(row.hour, { ...row, device_id: toId });
  for (const chunk of chunkForParams(source, 1)) {
    const stored = await db
      .selectFrom('health_rollups')
      .selectAll()
      .where('device_id', '=', toId)
      .where(
        'hour',
        'in',
        chunk.map((r) => r.hour),
      )
      .execute();
    for (const row of stored) {
      const target = normalizeRollupRow(row);
      const moved = merged.get(target.hour);
      if (moved) merged.set(target.hour, mergeRollups(target, moved));
    }
  }
  await db.deleteFrom('health_rollups').where('device_id', '=', fromId).execute();
  for (const chunk of chunkForParams([...merged.values()], ROLLUP_COLUMNS)) await upsertRollups(db, chunk);
  return source.length;
}
