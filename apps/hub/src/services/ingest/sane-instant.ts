/** Instants an agent may claim: not before 2000, not more than a day ahead of the hub's clock. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 3600 * 1000;

export function isSaneInstant(iso: string | null | undefined, now: Date): boolean {
  if (iso === null || iso === undefined) return true;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= EARLIEST_MS && t <= now.getTime() + MAX_AHEAD_MS;
}
