import type { ErrorCode } from '@deskside/protocol';

/** Every way a request can fail: a hub error code, or the two the browser adds. */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

/** A failed API call, typed so pages can switch on `code` instead of parsing messages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    /** Seconds to wait before retrying, from `Retry-After` (429); null when not sent. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/**
 * `Retry-After` as whole seconds: either delta-seconds or an HTTP date. Anything else, or a date
 * in the past, is null/0 rather than a guess.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 86_400);
  // An HTTP date always names the day or month; this keeps Date.parse from reading "-3" as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
