import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson, FIX_SIGNATURE_CONTEXT, type FixRequest, type SignedFixRequest } from '@deskside/protocol';
import type { SettingsRepository } from '@deskside/store';
import type { SecretBox } from '../auth/secret-box.js';

const SETTING = 'fixes.signingKey';

/** The hub's fix-signing key: agents pin its public half at enrolment. */
export interface FixSigner {
  /** Raw 32-byte Ed25519 public key, base64url (what the enrolment answer carries). */
  readonly publicKey: string;
  sign(request: FixRequest): SignedFixRequest;
}

/**
 * One Ed25519 key per deployment: kept in the database sealed with the hub's secret key (so every
 * hub of a cluster signs with the same key, and a copy of the database alone cannot sign), made on
 * first start. Two hubs starting at once may both make one; both then use what was stored last.
 */
export async function loadOrCreateFixSigner(settings: SettingsRepository, box: SecretBox): Promise<FixSigner> {
  let sealed = await settings.get(SETTING);
  if (sealed === undefined) {
    const { privateKey } = generateKeyPairSync('ed25519');
    await settings.set(SETTING, box.seal(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')));
    sealed = await settings.get(SETTING);
  }
  const der = sealed === undefined ? undefined : box.open(sealed);
  if (der === undefined) throw new Error('the fix-signing key in the database cannot be opened with this hub\'s secrets.key (restore the matching secrets.key)');
  return fixSigner(createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }));
}

export function fixSigner(privateKey: KeyObject): FixSigner {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    publicKey: Buffer.from(spki.subarray(spki.length - 32)).toString('base64url'),
    sign: (request) => ({ request, signature: sign(null, Buffer.from(FIX_SIGNATURE_CONTEXT + canonicalJson(request), 'utf8'), privateKey).toString('base64url') }),
  };
}
