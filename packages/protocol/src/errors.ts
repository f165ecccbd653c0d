import { z } from 'zod';

/** Every error a Deskside peer can answer with. Clients switch on `code`; `message` is for people. */
export const ErrorCodeSchema = z.enum([
  'bad_request',
  'invalid_payload',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_conflict',
  'inventory_base_mismatch',
  'duplicate_identity',
  'protocol_unsupported',
  'revoked',
  'rate_limited',
  'locked',
  'totp_required',
  'pending_approval',
  'unknown_event',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string().max(1024),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** HTTP error body: `{"error": {"code", "message"}}`. */
export const ErrorResponseSchema = z.object({ error: ErrorBodySchema });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** The answer to every socket command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckCallback<T> = (ack: Ack<T>) => void;

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/** Schema for an ack carrying `data`, for clients that validate what the hub answers. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBodySchema }),
  ]);
}

/** The HTTP status that fits each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_payload: 400,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  inventory_base_mismatch: 409,
  duplicate_identity: 409,
  protocol_unsupported: 426,
  revoked: 401,
  rate_limited: 429,
  locked: 429,
  totp_required: 401,
  pending_approval: 403,
  unknown_event: 400,
  internal: 500,
};
