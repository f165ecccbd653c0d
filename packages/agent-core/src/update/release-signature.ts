import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { AgentReleaseManifestSchema, compareReleaseVersions, SignedAgentReleaseSchema, type AgentReleaseManifest, type SignedAgentRelease } from '@deskside/protocol';

/** A public key an agent trusts for releases: its id and the raw 32-byte key, base64. */
export interface TrustedReleaseKey {
  keyId: string;
  publicKey: string;
}

/** Why signed release metadata was refused. */
export type ReleaseRefusal = 'malformed' | 'unknown_key' | 'bad_signature' | 'invalid_manifest' | 'wrong_channel' | 'stale' | 'not_yet_valid' | 'replayed' | 'downgrade';

export type ReleaseVerdict = { ok: true; manifest: AgentReleaseManifest } | { ok: false; reason: ReleaseRefusal; message: string };

/** How far ahead of this clock a manifest's issue time may be (clocks differ a little). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A new signing key pair: the private key (PKCS#8 PEM) stays with the admin; agents get the public key. */
export function generateReleaseKey(): { privateKeyPem: string; trusted: TrustedReleaseKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), trusted: trustedKeyOf(publicKey) };
}

/** The id and raw public key of a key object (public or private). */
export function trustedKeyOf(key: KeyObject): TrustedReleaseKey {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  const raw = spki.subarray(SPKI_ED25519_PREFIX.length);
  return { keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16), publicKey: raw.toString('base64') };
}

/** Signs a manifest (validated first) with the admin's private key. */
export function signRelease(manifest: AgentReleaseManifest, privateKeyPem: string): SignedAgentRelease {
  const text = JSON.stringify(AgentReleaseManifestSchema.parse(manifest));
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the release key must be an Ed25519 key');
  return { manifest: text, keyId: trustedKeyOf(key).keyId, signature: sign(null, Buffer.from(text), key).toString('base64') };
}

/**
 * Verifies signed release metadata before anything is downloaded: a trusted key, a good
 * signature over the exact text, a valid manifest for this channel, not expired, not issued in
 * the future, not older than metadata already accepted (no replay of an old release), and no
 * version below the installed one unless the admin signed it as a rollback.
 */
export function verifyRelease(
  raw: unknown,
  trusted: readonly TrustedReleaseKey[],
  context: { now: number; channel: string; installedVersion: string; lastIssuedAt: string | null },
): ReleaseVerdict {
  const refuse = (reason: ReleaseRefusal, message: string): ReleaseVerdict => ({ ok: false, reason, message });
  const signed = SignedAgentReleaseSchema.safeParse(raw);
  if (!signed.success) return refuse('malformed', 'not signed release metadata');
  const key = trusted.find((k) => k.keyId === signed.data.keyId);
  if (!key) return refuse('unknown_key', `signed by key ${signed.data.keyId}, which this agent does not trust`);
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(key.publicKey, 'base64')]), format: 'der', type: 'spki' });
  if (!verify(null, Buffer.from(signed.data.manifest), publicKey, Buffer.from(signed.data.signature, 'base64'))) return refuse('bad_signature', 'the signature does not verify');
  let json: unknown;
  try {
    json = JSON.parse(signed.data.manifest);
  } catch {
    return refuse('invalid_manifest', 'the signed manifest is not JSON');
  }
  const manifest = AgentReleaseManifestSchema.safeParse(json);
  if (!manifest.success) return refuse('invalid_manifest', 'the signed manifest is not a release manifest');
  const m = manifest.data;
  if (m.channel !== context.channel) return refuse('wrong_channel', `signed for channel ${m.channel}, not ${context.channel}`);
  if (Date.parse(m.expiresAt) <= context.now) return refuse('stale', `expired at ${m.expiresAt}`);
  if (Date.parse(m.issuedAt) > context.now + CLOCK_SKEW_MS) return refuse('not_yet_valid', `issued in the future (${m.issuedAt})`);
  if (context.lastIssuedAt && Date.parse(m.issuedAt) < Date.parse(context.lastIssuedAt)) return refuse('replayed', `older than metadata already accepted (${context.lastIssuedAt})`);
  if (compareVersions(m.version, context.installedVersion) < 0 && !m.rollback) return refuse('downgrade', `${m.version} is older than the installed ${context.installedVersion}`);
  return { ok: true, manifest: m };
}

/** Semantic-version order (a pre-release sorts before its release). */
export const compareVersions = compareReleaseVersions;
