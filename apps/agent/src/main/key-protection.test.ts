import { describe, expect, it } from 'vitest';
import { memoryLogger } from '@deskside/electron-common/testing';
import { chooseKeyProtection, type SafeStorageLike } from './key-protection.js';

function storage(available: boolean, backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].reverse()),
    decryptString: (data) => Buffer.from([...data].reverse()).toString(),
  };
}

describe('chooseKeyProtection', () => {
  it.each<[string, boolean, string, NodeJS.Platform, 'os-keychain' | 'owner-only-file']>([
    ['Windows with DPAPI', true, 'unknown', 'win32', 'os-keychain'],
    ['macOS with Keychain', true, 'unknown', 'darwin', 'os-keychain'],
    ['Linux with libsecret', true, 'gnome_libsecret', 'linux', 'os-keychain'],
    ['Linux with KWallet', true, 'kwallet5', 'linux', 'os-keychain'],
    ['Linux without a keyring (basic_text)', true, 'basic_text', 'linux', 'owner-only-file'],
    ['Linux with an unknown backend', true, 'unknown', 'linux', 'owner-only-file'],
    ['no OS encryption at all', false, 'gnome_libsecret', 'linux', 'owner-only-file'],
    ['Windows without encryption', false, 'unknown', 'win32', 'owner-only-file'],
  ])('%s → %s', (_name, available, backend, platform, kind) => {
    const logger = memoryLogger();
    const protection = chooseKeyProtection(storage(available, backend), platform, logger);
    expect(protection.kind).toBe(kind);
    if (kind === 'owner-only-file') {
      expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn' }));
    }
  });

  it('seals to base64 and opens again', () => {
    const protection = chooseKeyProtection(storage(true, 'gnome_libsecret'), 'linux', memoryLogger());
    if (protection.kind !== 'os-keychain') throw new Error('expected the keychain');
    const sealed = protection.sealer.seal('device-key-0123456789abcdef0123456789abcdef');
    expect(sealed).not.toContain('device-key');
    expect(protection.sealer.open(sealed)).toBe('device-key-0123456789abcdef0123456789abcdef');
  });
});
