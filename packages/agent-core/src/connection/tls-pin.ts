import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { z } from 'zod';

/** A SHA-256 certificate fingerprint as Node and the hub write it: `AA:BB:…` (32 upper-case pairs). */
export const FingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

/** The hub presented a certificate other than the pinned one; nothing was sent on that connection. */
export class PinMismatchError extends Error {
  readonly code = 'tls_pin_mismatch';
  constructor(
    readonly expected: string,
    readonly presented: string | null,
  ) {
    super(
      `the hub's TLS certificate (SHA-256 ${presented ?? 'none'}) does not match the pinned fingerprint ${expected}; ` +
        'nothing was sent. If the hub got a new certificate on purpose, enrol this agent again.',
    );
    this.name = 'PinMismatchError';
  }
}

/**
 * Accepts a fingerprint as people paste it (`aa:bb:…`, `AABB…`, optionally prefixed `sha256:` or
 * `SHA256=`) and returns the canonical `AA:BB:…` form, or `null` when it is not 32 bytes of hex.
 */
export function normalizeFingerprint(input: string): string | null {
  const hex = input
    .trim()
    .replace(/^sha-?256[:=]/i, '')
    .replace(/[:\s]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

export interface PinnedAgentOptions extends AgentOptions {
  /** Told about every refused connection (for a clear log line; the request only sees the error). */
  onMismatch?: (error: PinMismatchError) => void;
}

/**
 * An `https.Agent` that trusts exactly one leaf certificate, by its SHA-256 fingerprint: chain
 * verification is off (the hub's certificate is usually self-signed, and Node skips
 * `checkServerIdentity` when the chain fails), and the fingerprint is compared once the handshake is
 * done. The socket is handed to the request only after the comparison passed, so on a mismatch not
 * one byte of the request (token, device key, body) is written; the socket is destroyed instead.
 * Sessions are never resumed, so every connection shows its certificate.
 */
export class PinnedAgent extends Agent {
  readonly fingerprint: string;
  private readonly onMismatch: ((error: PinMismatchError) => void) | undefined;

  constructor(fingerprint: string, options: PinnedAgentOptions = {}) {
    const { onMismatch, ...agentOptions } = options;
    super({ ...agentOptions, maxCachedSessions: 0 });
    const canonical = normalizeFingerprint(fingerprint);
    if (!canonical) throw new Error('not a SHA-256 certificate fingerprint');
    this.fingerprint = canonical;
    this.onMismatch = onMismatch;
  }

  // Returning nothing makes the http agent wait for the callback: the request writes only then.
  override createConnection(options: object, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const socket = connect({ ...(options as ConnectionOptions), rejectUnauthorized: false, session: undefined });
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      socket.removeListener('error', onError);
      if (err) {
        socket.destroy();
        callback?.(err, socket);
      } else callback?.(null, socket);
    };
    const onError = (e: Error) => settle(e);
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      const presented = peerFingerprint(socket);
      if (presented === this.fingerprint) return settle(null);
      const mismatch = new PinMismatchError(this.fingerprint, presented);
      this.onMismatch?.(mismatch);
      settle(mismatch);
    });
    return undefined;
  }
}

/** The SHA-256 fingerprint of the leaf certificate a TLS socket was shown, or null. */
export function peerFingerprint(socket: TLSSocket): string | null {
  const cert = socket.getPeerCertificate();
  return typeof cert.fingerprint256 === 'string' && cert.fingerprint256 !== '' ? cert.fingerprint256 : null;
}
