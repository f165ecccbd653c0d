import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a `deskside` webhook delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'X-Deskside-Signature';

/** How far a receiver should let `t` be from its own clock (seconds). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Signs `body` as sent at `unixSeconds`: HMAC-SHA256 over `"<t>.<body>"` with the subscription's
 * secret. Binding the timestamp into the MAC makes a captured delivery useless after the tolerance
 * window (replay), and any change to the body or the timestamp breaks the signature.
 */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does (the hub's own tests use it as a reference receiver). */
export function verifyWebhook(secret: string, header: string | undefined, body: string, nowSeconds: number): 'ok' | 'malformed' | 'stale' | 'mismatch' {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return 'malformed';
  const t = Number(match[1]);
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signWebhook(secret, t, body).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex')) ? 'ok' : 'mismatch';
}
