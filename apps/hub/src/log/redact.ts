/** Keys whose values are never written to a log, wherever they are nested. */
const SECRET_KEY = /pass(word|wd|phrase)?|token|secret|key|authorization|cookie|credential/i;
const MAX_DEPTH = 8;
const MAX_STRING = 2048;

/**
 * A copy of `value` safe to log: secret-looking keys replaced by "[redacted]", errors reduced to
 * name/message/stack, long strings cut, deep or cyclic structures cut off.
 */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  if (seen.has(value)) return '[cycle]';
  if (depth >= MAX_DEPTH) return '[deep]';
  if (value instanceof Date) return value.toISOString();
  // `seen` holds the current path only, so a value shared by two branches is not taken for a cycle.
  seen.add(value);
  try {
    if (value instanceof Error) {
      return { name: value.name, message: redact(value.message, depth + 1, seen), stack: value.stack };
    }
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
