import type { HandshakeErrorData } from '@deskside/protocol';

/** The error a refused handshake hands to `next`, carrying a code the client can switch on. */
export function handshakeError(code: HandshakeErrorData['code'], message: string): Error & { data: HandshakeErrorData } {
  const err = new Error(message) as Error & { data: HandshakeErrorData };
  err.data = { code, message };
  return err;
}
