import { ServiceError } from '../services/service-error.js';

export { parseWith, type ParseSchema } from '../services/validation.js';

/** A query string as a plain object; a repeated key is refused rather than silently picked. */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.hasOwn(out, key)) throw new ServiceError('invalid_payload', `Invalid query: "${key.slice(0, 64)}" is repeated.`);
    out[key] = value;
  }
  return out;
}
