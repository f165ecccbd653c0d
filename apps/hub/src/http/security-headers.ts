import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** The console loads only its own scripts, styles and sockets; nothing may frame it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for ticket screenshots, fetched with the bearer header and shown through object URLs.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** Browsers keep to HTTPS for a year once they have seen the hub over TLS (never sent over plain HTTP). */
export const HSTS = 'max-age=31536000';

/** Sets the security headers every hub response carries, API and static alike; HSTS when serving TLS. */
export function setSecurityHeaders(res: ServerResponse, tls = false): void {
  for (const [name, value] of HEADERS) res.setHeader(name, value);
  if (tls) res.setHeader('Strict-Transport-Security', HSTS);
}

/**
 * Puts the security headers on EVERY response of the server, before any listener runs: the API,
 * the console, and socket.io's own answers (the polling transport, its errors), which never pass
 * through the hub's HTTP handler. Call it AFTER `io.attach`: socket.io replaces the request
 * listeners it finds with one that serves its own paths without calling them.
 */
export function secureEveryResponse(server: Server, tls: boolean): void {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => setSecurityHeaders(res, tls));
}
