import { ServiceError } from './service-error.js';

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
