import { newId } from './ids.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULIDs that strictly increase even within one millisecond or when the clock steps back: sorting
 * by id is sorting by creation (the agent's outbox files, an alert's or a ticket's history).
 * `last` resumes after an id already handed out (the outbox's newest file after a restart).
 */
export function monotonicIds(now: () => number = Date.now, last: string | null = null): () => string {
  return monotonic(() => newId(now()), last);
}

/**
 * Wraps any id generator so its ULIDs only grow: an id not above the last one becomes the last one
 * plus one. A UUID (not sortable, from scripts) passes through unchanged.
 */
export function monotonic(next: () => string, last: string | null = null): () => string {
  let previous = last ?? '';
  return () => {
    const id = next();
    if (id.length !== 26 || id > previous) return (previous = id);
    return (previous = incrementId(previous));
  };
}

/** The next Crockford base32 string of the same length. */
export function incrementId(id: string): string {
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
