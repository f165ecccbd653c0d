const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** What the console shows when a value is unknown. */
export const UNKNOWN = '—';

/**
 * A byte count for people: binary multiples with the labels Windows and macOS users know
 * ("15.5 GB"), one decimal below 100, none above. Unknown or nonsense values read "—".
 */
export function formatBytes(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return UNKNOWN;
  let scaled = value;
  let unit = 0;
  while (scaled >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  // Rounding can carry into the next unit (1023.96 KB → "1024 KB"); step up instead.
  if (Math.round(scaled) >= 1024 && unit < UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  const digits = unit === 0 || scaled >= 100 ? 0 : 1;
  const text = scaled.toFixed(digits).replace(/\.0$/, '');
  return `${text} ${UNITS[unit] ?? 'B'}`;
}

/** "used / total" for a disk or memory, e.g. "120 GB / 476 GB". */
export function formatUsage(used: number | null | undefined, total: number | null | undefined): string {
  if (used === null || used === undefined || total === null || total === undefined) return UNKNOWN;
  return `${formatBytes(used)} / ${formatBytes(total)}`;
}

/** Share used as a whole percentage (0–100), or null when it cannot be known. */
export function usedPercent(used: number | null | undefined, total: number | null | undefined): number | null {
  if (used === null || used === undefined || total === null || total === undefined || total <= 0) return null;
  return Math.min(100, Math.max(0, Math.round((used / total) * 100)));
}
