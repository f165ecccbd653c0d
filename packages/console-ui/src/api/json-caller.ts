import { ApiError } from './api-error.js';
import { toApiError } from './http-client.js';

/** The part of a zod schema the console uses to check an answer. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface JsonCallerOptions {
  getToken: () => string | null;
  onUnauthorized: () => void;
  baseUrl?: string;
}

export type JsonCall = <T>(method: string, path: string, schema: Schema<T>, body?: unknown) => Promise<T>;

/** A JSON request to the hub with the session's bearer token; the answer is checked with its protocol schema. */
export function createJsonCaller(options: JsonCallerOptions): JsonCall {
  const base = options.baseUrl ?? '';
  return async (method, path, schema, body) => {
    const token = options.getToken();
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    // A Blob (a file the admin picked) goes up as raw bytes; anything else as JSON.
    const raw = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? null : raw ? body : JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError('network', 'Cannot reach the hub. Check the connection and try again.', 0);
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401 && token !== null) options.onUnauthorized();
      throw toApiError(response, payload, Date.now());
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ApiError('bad_response', 'The hub sent an answer the console does not understand.', response.status);
    return parsed.data;
  };
}
