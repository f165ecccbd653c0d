import type { DeviceChangeKind } from '@deskside/protocol';

/** One change found between two inventory documents, before it gets an id, a device and a time. */
export interface ChangeDraft {
  section: string;
  kind: DeviceChangeKind;
  summary: string;
  before: unknown;
  after: unknown;
}

/** Most change rows one inventory may produce; the rest is folded into one "and N more" row. */
export const MAX_CHANGES_PER_INVENTORY = 500;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 17179869184 → "16 GB" (binary multiples, as Windows and most tools print RAM). */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unknown';
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit] ?? 'B'}`;
}

/** Quotes an agent-sent value for a summary line, capped; `null` reads "unknown". */
export function show(value: unknown, max = 120): string {
  if (value === null || value === undefined || value === '') return 'unknown';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Compares dotted versions numerically where both parts are numbers ("1.10" > "1.9"), else as text.
 * Answers <0, 0, >0.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-+_~:]/);
  const pb = b.split(/[.\-+_~:]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    if (x === '') return -1;
    if (y === '') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
