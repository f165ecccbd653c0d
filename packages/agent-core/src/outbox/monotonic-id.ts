import { newId } from '@deskside/protocol';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULIDs that strictly increase even within one millisecond or when the clock steps back, so
 * sorting outbox files by name is sorting them by enqueue order.
 */
export function monotonicIds(now: () => number, last: string | null = null): () => string {
  let previous = last;
  return () => {
    const candidate = newId(now());
    previous = previous !== null && candidate <= previous ? increment(previous) : candidate;
    return previous;
  };
}

/** The next Crockford base32 string of the same length. */
export function increment(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const at = CROCKFORD.indexOf(chars[i] ?? '0');
    if (at < CROCKFORD.length - 1) {
      chars[i] = CROCKFORD.charAt(at + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  throw new Error('id space exhausted');
}
