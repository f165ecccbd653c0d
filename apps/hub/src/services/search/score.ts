/**
 * How well `value` matches the lower-cased query `q`: exact 100, prefix 80, a word inside starting
 * with it 60, anywhere 40, no match 0. Multiplied by the field's weight by the providers, so a
 * hostname that starts with the query outranks a ticket that mentions it.
 */
export function matchScore(value: string | null | undefined, q: string): number {
  if (value === null || value === undefined || value === '') return 0;
  const v = value.toLowerCase();
  if (v === q) return 100;
  if (v.startsWith(q)) return 80;
  const at = v.indexOf(q);
  if (at < 0) return 0;
  const before = v.charAt(at - 1);
  return /[\s\-_.:/\\@(,]/.test(before) ? 60 : 40;
}

/** The best match among several values of one field (a PC's MAC addresses), with the value. */
export function bestOf(values: readonly string[], q: string): { score: number; value: string } | null {
  let best: { score: number; value: string } | null = null;
  for (const value of values) {
    const score = matchScore(value, q);
    if (score > 0 && (best === null || score > best.score)) best = { score, value };
  }
  return best;
}

/** `1234`, `#1234`, `T-1234` → 1234; anything else → null. */
export function ticketNumberOf(q: string): number | null {
  const m = /^(?:#|t-?)?(\d{1,9})$/i.exec(q.trim());
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** MAC addresses compare without separators and case: `00:1A:2b…` finds `00-1a-2B…`. */
export function normalizeMac(value: string): string {
  return value.toLowerCase().replace(/[^0-9a-f]/g, '');
}
