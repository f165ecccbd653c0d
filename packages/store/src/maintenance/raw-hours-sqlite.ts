import { sql, type Kysely } from 'kysely';
import { LIMITS } from '@deskside/protocol';
import type { Database } from '../schema.js';
import { HOUR_MS } from './rollup-math.js';
import type { HealthRollupsTable } from './schema-rollups.js';

/**
 * Most raw samples one read folds: the 7 days of full resolution at one sample every 6 s. Past
 * it, the newest samples are left out rather than the read growing unbounded.
 */
export const MAX_RAW_SAMPLES_PER_READ = 100_000;

const MAX_UPTIME_SECONDS = 100 * 365 * 24 * 3600;
/** zod 4's int() accepts safe integers only, so that is the real ceiling of a byte count. */
const MAX_BYTES = Math.min(LIMITS.maxBytes, Number.MAX_SAFE_INTEGER);

/**
 * One device's raw samples with `firstHour <= at < rawEnd` as one rollup per hour, oldest first,
 * at most `maxHours`: the figures `foldSamples` + `rollupOfSample` make, computed inside SQLite.
 *
 * Why SQL: better-sqlite3 is synchronous, and parsing 20,000 JSON rows in JS blocked the event
 * loop (and so every heartbeat) for ~80 ms; grouped in SQLite only one row per hour crosses over.
 *
 * SQLITE-SPECIFIC (json_valid/json_type/json_extract, rowid). The store is SQLite-only today
 * (see connect.ts); a PostgreSQL port writes this one query with jsonb operators and a tie-break
 * column in place of rowid.
 *
 * How it matches the JS fold:
 * - Rows are taken oldest first, ties in rowid (insertion) order, as the fold reads them; "last"
 *   readings come from the row last in that order (row_number over at DESC, rowid DESC), the
 *   disk ones from the last row that has a disk reading — mergeRollups' tie rule (the later one
 *   wins a tie) gives the same row.
 * - Rows MetricsSampleSchema rejects are skipped (the job counts them as discarded): the WHERE
 *   below restates its shape and bounds; CASE keeps invalid JSON away from json_extract, which
 *   would otherwise fail the whole query.
 * - total(), not sum(): sum() raises on int64 overflow. Integer sums below 2^53 (an hour of
 *   memory figures under 2^44 bytes each) are exact either way; for CPU (a decimal) SQLite's
 *   compensated sum may differ from the JS left-to-right sum in the last bit or two (the JS result
 *   itself depends on where the job's batches cut an hour).
 */
export async function rawHoursSqlite(db: Kysely<Database>, deviceId: string, firstHour: number, rawEnd: number, maxHours: number): Promise<HealthRollupsTable[]> {
  const { rows } = await sql<HealthRollupsTable>`
    WITH x AS MATERIALIZED (
      SELECT rowid AS seq, at,
        json_extract(metrics, '$.cpuPercent') AS cpu,
        json_extract(metrics, '$.memUsedBytes') AS mem,
        json_extract(metrics, '$.memTotalBytes') AS mem_total,
        json_extract(metrics, '$.uptimeSeconds') AS uptime,
        json_extract(metrics, '$.diskUsedBytes') AS disk,
        json_extract(metrics, '$.diskTotalBytes') AS disk_total,
        json_type(metrics, '$.wifi') AS wifi_t,
        json_extract(metrics, '$.wifi.signalDbm') AS signal,
        json_extract(metrics, '$.wifi.qualityPercent') AS quality
      FROM health_samples
      -- A row's WHERE is settled before its columns are computed: malformed JSON never reaches json_extract.
      WHERE device_id = ${deviceId} AND at >= ${firstHour} AND at < ${rawEnd} AND json_valid(metrics)
      ORDER BY at, rowid
      LIMIT ${MAX_RAW_SAMPLES_PER_READ}
    ),
    v AS (
      SELECT *, at - ((at % ${sql.lit(HOUR_MS)}) + ${sql.lit(HOUR_MS)}) % ${sql.lit(HOUR_MS)} AS hour
      FROM x
      WHERE typeof(cpu) IN ('integer', 'real') AND cpu BETWEEN 0 AND 100
        AND ${int('mem', 0, MAX_BYTES)} AND ${int('mem_total', 0, MAX_BYTES)} AND ${int('uptime', 0, MAX_UPTIME_SECONDS)}
        AND ${nullableInt('disk', 0, MAX_BYTES)} AND ${nullableInt('disk_total', 0, MAX_BYTES)}
        AND (wifi_t IS NULL OR wifi_t = 'null' OR (wifi_t = 'object'
          AND ${nullableInt('signal', -120, 0)} AND ${nullableInt('quality', 0, 100)} AND (signal IS NOT NULL OR quality IS NOT NULL)))
    ),
    g AS (
      SELECT hour,
        count(*) AS samples,
        max(at) AS last_at,
        total(cpu) AS cpu_sum, max(cpu) AS cpu_max,
        total(mem) AS mem_used_sum, max(mem) AS mem_used_max,
        max(disk) AS disk_used_max,
        sum(wifi_t IS 'object') AS wifi_samples,
        total(signal) AS wifi_signal_sum, count(signal) AS wifi_signal_count, min(signal) AS wifi_signal_min,
        total(quality) AS wifi_quality_sum, count(quality) AS wifi_quality_count, min(quality) AS wifi_quality_min,
        -- The hour's last row in fold order (time, then rowid), as a key unique per row that sorts as text.
        max(printf('%07d%020d', at - hour, seq)) AS last_key,
        max(CASE WHEN disk IS NOT NULL THEN printf('%07d%020d', at - hour, seq) END) AS disk_key
      FROM v
      GROUP BY hour
      ORDER BY hour
      LIMIT ${Math.max(0, Math.floor(maxHours))}
    )
    SELECT ${deviceId} AS device_id, g.hour, g.samples, g.last_at, g.cpu_sum, g.cpu_max, g.mem_used_sum, g.mem_used_max,
      json_extract(l.metrics, '$.memTotalBytes') AS mem_total,
      json_extract(l.metrics, '$.uptimeSeconds') AS uptime_seconds,
      d.at AS disk_last_at,
      json_extract(d.metrics, '$.diskUsedBytes') AS disk_used_last,
      g.disk_used_max,
      json_extract(d.metrics, '$.diskTotalBytes') AS disk_total,
      g.wifi_samples, g.wifi_signal_sum, g.wifi_signal_count, g.wifi_signal_min, g.wifi_quality_sum, g.wifi_quality_count, g.wifi_quality_min
    FROM g
    JOIN health_samples AS l ON l.rowid = CAST(substr(g.last_key, 8) AS INTEGER)
    LEFT JOIN health_samples AS d ON d.rowid = CAST(substr(g.disk_key, 8) AS INTEGER)
    ORDER BY g.hour
  `.execute(db);
  return rows;
}

/** Column `name` holds an integer in [min, max] (5.0 counts, as for zod's int()). */
function int(name: string, min: number, max: number) {
  const value = sql.ref(name);
  return sql`(typeof(${value}) IN ('integer', 'real') AND ${value} = CAST(${value} AS INTEGER) AND ${value} BETWEEN ${sql.lit(min)} AND ${sql.lit(max)})`;
}

/** Column `name` is null or an integer in [min, max]. */
function nullableInt(name: string, min: number, max: number) {
  return sql`(${sql.ref(name)} IS NULL OR ${int(name, min, max)})`;
}
