import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Encrypts small secrets (TOTP seeds) at rest with AES-256-GCM under a key kept outside the database. */
export interface SecretBox {
  seal(plain: string): string;
  /** Undefined for a value that was not sealed by this key (tampered, or another hub's). */
  open(sealed: string): string | undefined;
  /**
   * A keyed, one-way tag of `text` (HMAC-SHA256, base64url): lets the hub key records by what a
   * caller typed (a sign-in name that may be a mistyped password) without storing it.
   */
  tag(text: string): string;
}

const VERSION = 'v1';

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret box key must be 32 bytes');
  // A key of its own for tags, so a tag never doubles as anything sealed with the main key.
  const tagKey = createHmac('sha256', key).update('deskside tag key v1').digest();
  return {
    tag: (text) => createHmac('sha256', tagKey).update(text, 'utf8').digest('base64url'),
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

const KEY_FILE = 'secrets.key';

/**
 * The hub's secret key, in `dataDir/secrets.key` (created on first use, owner-only), so a copy
 * of the database alone does not reveal TOTP seeds.
 */
export function loadOrCreateSecretKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    const existing = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (existing.length === 32) return existing;
    throw new Error(`${path} is not a 32-byte base64 key; restore it from a backup or remove it (TOTP enrolments are then lost)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
