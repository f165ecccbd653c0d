import { digestsEqual, newSecret, sha256Hex } from '../auth/secrets.js';

/** A fresh device credential: 32 random bytes, base64url (43 characters). */
export function newDeviceKey(): string {
  return newSecret(32);
}

/** What the store keeps of a device key: its SHA-256, hex. The realtime side checks handshakes with it. */
export function hashDeviceKey(key: string): string {
  return sha256Hex(key);
}

/** Constant-time check of a presented key against a stored hash. */
export function deviceKeyMatches(key: string, storedHash: string): boolean {
  return digestsEqual(hashDeviceKey(key), storedHash);
}
