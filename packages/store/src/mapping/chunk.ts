/**
 * Bound parameters per statement. SQLite (as bundled by better-sqlite3) allows 32,766 and
 * PostgreSQL 65,535; measured on SQLite, bigger statements are no faster than this (the cost is
 * per row either way), while smaller ones keep each prepare cheap.
 */
export const MAX_PARAMS_PER_STATEMENT = 1_000;

/** Splits rows into groups that fit one statement, given how many parameters each row binds. */
export function chunkForParams<T>(rows: readonly T[], paramsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / paramsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
