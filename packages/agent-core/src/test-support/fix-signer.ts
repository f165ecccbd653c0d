import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { FixRequest, SignedFixRequest } from '@deskside/protocol';
import { signedBytes } from '../fixes/verify-request.js';

/** A hub key for tests: the raw public key the agent pins, and a signer. (Tests only.) */
export function testSigner(): { publicKey: string; privateKey: KeyObject; sign(request: FixRequest): SignedFixRequest } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey: Buffer.from(raw).toString('base64url'),
    privateKey,
    sign: (request) => ({ request, signature: sign(null, signedBytes(request), privateKey).toString('base64url') }),
  };
}
