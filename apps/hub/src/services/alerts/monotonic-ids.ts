import { newId } from '@deskside/protocol';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULIDs that strictly increase even within one millisecond, so an alert's history (ordered by
 * time, then id) keeps the order its events were written in.
 */
export function monotonicIds(now: () => number): () => string {
  let previous: string | null = null;
  return () => {
    const candidate = newId(now());
    previous = previous !== null && candidate <= previous ? increment(previous) : candidate;
    return previous;
  };
}

function increment(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const at = CROCKFORD.indexOf(chars[i] ?? '0');
    if (at < CROCKFORD.length - 1) {
      chars[i] = CROCKFORD.charAt(at + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return chars.join('');
}
