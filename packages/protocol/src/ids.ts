import { z } from 'zod';

// Declared here instead of pulling in DOM or Node typings: Web Crypto is a global in both.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new ULID: 48 bits of milliseconds then 80 random bits, Crockford base32. Sortable by creation
 * time, so ids born on an agent (a ticket queued offline) still order correctly on the hub.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = Math.floor(now);
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD.charAt((random[i] ?? 0) % 32);
  return time + rest;
}

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record or message id: ULID (what we generate) or a UUID (accepted from scripts). */
export const IdSchema = z
  .string()
  .refine((s) => ULID_RE.test(s) || UUID_RE.test(s), { message: 'must be a ULID or UUID' });
export type Id = z.infer<typeof IdSchema>;

/** A client-generated message id: makes every agent → hub write idempotent. */
export const MessageIdSchema = IdSchema;
