import type { Logger } from './logger.js';

/** The parts of Electron's `safeStorage` the tray uses (so tests can pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Seals the device key with the OS keychain (DPAPI, Keychain, libsecret/kwallet). */
export interface SecretSealer {
  seal(secret: string): string;
  open(sealed: string): string;
}

export type KeyProtection =
  | { kind: 'os-keychain'; sealer: SecretSealer }
  | { kind: 'owner-only-file'; reason: string };

/**
 * Decides how the device key rests on disk. `safeStorage` when the OS offers real encryption;
 * on Linux, `basic_text` (no keyring: Chromium would use a hard-coded key, which is obfuscation,
 * not protection) and `unknown` are refused in favour of agent-core's owner-only (0600) state file,
 * which at least says what it is. The choice is logged, the key never.
 */
export function chooseKeyProtection(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  logger: Logger,
): KeyProtection {
  const fallback = (reason: string): KeyProtection => {
    logger.warn('device key kept in an owner-only (0600) state file, not the OS keychain', { reason });
    return { kind: 'owner-only-file', reason };
  };
  if (!safeStorage.isEncryptionAvailable()) return fallback('OS encryption is not available');
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return fallback(`no keyring (backend ${backend})`);
  }
  logger.info('device key sealed with the OS keychain');
  return {
    kind: 'os-keychain',
    sealer: {
      seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
  };
}
