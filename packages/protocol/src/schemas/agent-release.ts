import { z } from 'zod';
import { Timestamp } from './common.js';
import { IdSchema } from '../ids.js';

/** `1.4.2`, `1.5.0-beta.1`: what an agent release is called and compared by. */
export const ReleaseVersionSchema = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}(-[0-9A-Za-z.-]{1,32})?$/, 'must be a semantic version');

/** Semantic-version order of two release versions (a pre-release sorts before its release). */
export function compareReleaseVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const pa = coreA.split('.').map(Number);
  const pb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/** One installer or package of a release, as the updater downloads and checks it. */
export const AgentReleaseFileSchema = z.object({
  platform: z.enum(['win32', 'darwin', 'linux']),
  arch: z.enum(['x64', 'arm64']),
  /** `zip`: what electron-updater installs on macOS; `headless`: a .tar.gz of the deskside-agent bundle. */
  kind: z.enum(['nsis', 'msi', 'pkg', 'dmg', 'zip', 'deb', 'rpm', 'appimage', 'headless']),
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

// ---- publishing on the hub (#17): releases, rollout rings, the agent's check ----

/**
 * How far a release has gone. `rolling`: offered to the devices its rings reach; `paused`: offered
 * to nobody new (devices that installed it keep it); `withdrawn`: never offered again (a signed
 * rollback release takes its devices back).
 */
export const RolloutStateSchema = z.enum(['rolling', 'paused', 'withdrawn']);
export type RolloutState = z.infer<typeof RolloutStateSchema>;

/**
 * Who gets a release: the devices of the pilot groups first (the first ring), then `percent` of
 * every other device (a stable share: raising it only adds devices), all within `siteIds`
 * (empty: every site).
 */
export const ReleaseRolloutSchema = z.object({
  state: RolloutStateSchema,
  pilotGroupIds: z.array(IdSchema).max(20),
  percent: z.number().int().min(0).max(100),
  siteIds: z.array(IdSchema).max(200),
});
export type ReleaseRollout = z.infer<typeof ReleaseRolloutSchema>;

/** A release as the console sees it: the signed manifest's facts, its rollout and how many devices run it. */
export const AgentReleaseSchema = z.object({
  id: IdSchema,
  channel: z.string(),
  version: ReleaseVersionSchema,
  rollback: z.boolean(),
  notes: z.string(),
  issuedAt: Timestamp,
  expiresAt: Timestamp,
  keyId: z.string(),
  files: z.array(AgentReleaseFileSchema),
  rollout: ReleaseRolloutSchema,
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  /** Devices whose last check reported this version on this channel. */
  devicesOn: z.number().int().nonnegative(),
});
export type AgentRelease = z.infer<typeof AgentReleaseSchema>;

/** Agent versions in the fleet, from the devices' last update checks. */
export const AgentVersionCountSchema = z.object({ channel: z.string(), version: z.string(), devices: z.number().int().nonnegative() });
export type AgentVersionCount = z.infer<typeof AgentVersionCountSchema>;

export const AgentReleaseListResponseSchema = z.object({
  releases: z.array(AgentReleaseSchema).max(500),
  versions: z.array(AgentVersionCountSchema).max(500),
});
export type AgentReleaseListResponse = z.infer<typeof AgentReleaseListResponseSchema>;

/** Registers signed metadata (from `deskside-agent release sign`); the rollout starts paused unless given. */
export const RegisterAgentReleaseRequestSchema = z.object({
  signed: SignedAgentReleaseSchema,
  rollout: ReleaseRolloutSchema.partial().optional(),
});
export type RegisterAgentReleaseRequest = z.infer<typeof RegisterAgentReleaseRequestSchema>;

/** Widen, narrow, pause, resume or withdraw a release. */
export const UpdateReleaseRolloutRequestSchema = ReleaseRolloutSchema.partial();
export type UpdateReleaseRolloutRequest = z.infer<typeof UpdateReleaseRolloutRequestSchema>;

/** A file uploaded for releases: what goes into the manifest's `files` entry. */
export const AgentUpdateFileSchema = z.object({
  file: z.string().max(255),
  url: z.string().max(512),
  sha512: z.string(),
  size: z.number().int().nonnegative(),
});
export type AgentUpdateFile = z.infer<typeof AgentUpdateFileSchema>;
export const AgentUpdateFileListResponseSchema = z.object({ files: z.array(AgentUpdateFileSchema).max(500) });

/** `release:check`: what this agent runs and where; the hub answers the release it should run. */
export const AgentReleaseCheckSchema = z.object({
  installedVersion: ReleaseVersionSchema,
  channel: z.string().regex(/^[a-z0-9-]{1,32}$/),
  platform: z.enum(['win32', 'darwin', 'linux']),
  arch: z.enum(['x64', 'arm64']),
  /** Which kind of file this agent installs (`nsis` for the tray on Windows, `headless` for the service bundle, …). */
  kind: AgentReleaseFileSchema.shape.kind,
});
export type AgentReleaseCheck = z.infer<typeof AgentReleaseCheckSchema>;

/** The release this device should run (null: stay), signed by the admin: the agent verifies it. */
export const AgentReleaseCheckAckSchema = z.object({
  release: z.object({ id: IdSchema, signed: SignedAgentReleaseSchema }).nullable(),
});
export type AgentReleaseCheckAck = z.infer<typeof AgentReleaseCheckAckSchema>;
