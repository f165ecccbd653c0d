import { ServiceError } from '../services/service-error.js';

/** The part of a zod schema we use; structural, so the hub needs no direct zod dependency. */
export interface ParseSchema<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Parses `value` with its protocol schema, or refuses with `invalid_payload` and a short summary. */
export function parseWith<T>(schema: ParseSchema<T>, value: unknown, what = 'request'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new ServiceError('invalid_payload', `Invalid ${what}: ${summary}${more}`.slice(0, 1024));
}

/** A query string as a plain object; a repeated key is refused rather than silently picked. */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.hasOwn(out, key)) throw new ServiceError('invalid_payload', `Invalid query: "${key.slice(0, 64)}" is repeated.`);
    out[key] = value;
  }
  return out;
}
