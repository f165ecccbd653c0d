import { z } from 'zod';
import { Timestamp } from './common.js';

/** `1.4.2`, `1.5.0-beta.1`: what an agent release is called and compared by. */
export const ReleaseVersionSchema = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}(-[0-9A-Za-z.-]{1,32})?$/, 'must be a semantic version');

/** One installer or package of a release, as the updater downloads and checks it. */
export const AgentReleaseFileSchema = z.object({
  platform: z.enum(['win32', 'darwin', 'linux']),
  arch: z.enum(['x64', 'arm64']),
  kind: z.enum(['nsis', 'msi', 'pkg', 'dmg', 'deb', 'rpm', 'appimage', 'headless']),
  /** Absolute https URL, or a path on the hub (`/agent-updates/files/…`). */
  url: z.string().min(1).max(2048),
  /** Base64 SHA-512 of the file, as electron-updater's latest.yml carries it. */
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  size: z.number().int().positive().max(2 ** 40),
});
export type AgentReleaseFile = z.infer<typeof AgentReleaseFileSchema>;

/**
 * What the hub's admin signs (Ed25519, with a key only they hold) and every agent verifies before
 * updating: the release, its files and how long this statement is good for. A rollback is a
 * signed statement too (an older version with `rollback: true`), so nobody else can force one.
 */
export const AgentReleaseManifestSchema = z.object({
  v: z.literal(1),
  channel: z.string().regex(/^[a-z0-9-]{1,32}$/),
  version: ReleaseVersionSchema,
  issuedAt: Timestamp,
  expiresAt: Timestamp,
  rollback: z.boolean(),
  notes: z.string().max(4096),
  files: z.array(AgentReleaseFileSchema).min(1).max(32),
});
export type AgentReleaseManifest = z.infer<typeof AgentReleaseManifestSchema>;

/** The signed form: the manifest's exact JSON text, the signing key's id and the signature over that text. */
export const SignedAgentReleaseSchema = z.object({
  manifest: z.string().min(2).max(64 * 1024),
  /** First 16 hex digits of the SHA-256 of the raw 32-byte public key. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Base64 of the 64-byte Ed25519 signature. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type SignedAgentRelease = z.infer<typeof SignedAgentReleaseSchema>;

/** An installer the admin placed in the hub's data directory (`agent-installers/`), as the Deploy page lists it. */
export const AgentInstallerSchema = z.object({
  file: z.string().max(255),
  kind: z.enum(['nsis', 'msi', 'pkg', 'dmg', 'deb', 'rpm', 'appimage']),
  platform: z.enum(['win32', 'darwin', 'linux']),
  bytes: z.number().int().nonnegative(),
  modifiedAt: Timestamp,
  /** Where PCs download it from: `/downloads/agent/<file>` on this hub (no sign-in needed). */
  url: z.string().max(512),
});
export type AgentInstaller = z.infer<typeof AgentInstallerSchema>;
export const AgentInstallerListResponseSchema = z.object({ installers: z.array(AgentInstallerSchema).max(200) });
