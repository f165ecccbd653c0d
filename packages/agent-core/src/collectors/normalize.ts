import { LIMITS } from '@deskside/protocol';

// Values firmware and drivers put where they mean "unknown"; sending them would only add noise.
const PLACEHOLDERS = new Set([
  '-',
  'n/a',
  'na',
  'none',
  'null',
  'unknown',
  'not specified',
  'not available',
  'default string',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'system serial number',
  'system product name',
  'system manufacturer',
  'system version',
  '0',
  '00000000-0000-0000-0000-000000000000',
]);

/** A trimmed string cut to `max` characters, or `null` for empty, placeholder or non-string values. */
export function text(value: unknown, max: number = LIMITS.shortText): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).replace(/\p{Cc}/gu, ' ').trim();
  if (s === '' || PLACEHOLDERS.has(s.toLowerCase())) return null;
  return cut(s, max);
}

/** Like {@link text} but never null: for fields the schema requires. */
export function requiredText(value: unknown, fallback: string, max: number = LIMITS.shortText): string {
  return text(value, max) ?? cut(fallback, max);
}

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair at the end. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** A byte count as the protocol wants it: a non-negative integer below 1 EiB, or `null`. */
export function byteCount(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > LIMITS.maxBytes) return null;
  return Math.round(n);
}

/** A finite number within [0, max], or `null` (zero counts as unknown when `zeroIsUnknown`). */
export function measure(value: unknown, max: number, zeroIsUnknown = true): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) return null;
  if (zeroIsUnknown && value === 0) return null;
  return value;
}

/** A whole count within [0, max]; 0 when unknown. */
export function count(value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 0;
  return Math.min(Math.round(value), max);
}

/** A boolean, or `null` when the source did not say. */
export function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
