const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Wraps an id generator so ids only grow: within one millisecond a ULID's random part would order
 * events of one change at random, and a ticket's history is read back in id order within an instant.
 * A UUID (not sortable) passes through unchanged.
 */
export function monotonic(newId: () => string): () => string {
  let last = '';
  return () => {
    const id = newId();
    if (id.length !== 26 || id > last) return (last = id);
    return (last = increment(last));
  };
}

function increment(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const v = CROCKFORD.indexOf(chars[i] ?? '0');
    if (v < 31) {
      chars[i] = CROCKFORD.charAt(v + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return chars.join('');
}
