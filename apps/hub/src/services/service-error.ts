import type { ErrorCode } from '@deskside/protocol';

/**
 * A refusal a service answers with: a protocol error code and a message safe to show the caller.
 * HTTP turns it into `{"error": {code, message}}` with the code's status; sockets into a failed ack.
 */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For `rate_limited`: when the caller may try again (HTTP Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
