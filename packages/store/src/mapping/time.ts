import type { EpochMs } from '../schema.js';

/** A Date as stored: epoch milliseconds. Refuses an invalid Date rather than storing NaN. */
export function toMs(date: Date): EpochMs {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Cannot store an invalid Date');
  return ms;
}

export function toMsOrNull(date: Date | null): EpochMs | null {
  return date === null ? null : toMs(date);
}

// Number(): PostgreSQL drivers may hand int8 back as a string or bigint.
export function fromMs(ms: EpochMs | string | bigint): Date {
  return new Date(Number(ms));
}

export function fromMsOrNull(ms: EpochMs | string | bigint | null): Date | null {
  return ms === null ? null : fromMs(ms);
}

export function numberOrNull(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}
