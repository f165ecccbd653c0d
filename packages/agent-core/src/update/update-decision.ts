import type { AgentReleaseCheck, AgentReleaseCheckAck, AgentReleaseFile, AgentReleaseManifest } from '@deskside/protocol';
import { verifyRelease, type ReleaseRefusal, type TrustedReleaseKey } from './release-signature.js';

/** What to do with the hub's answer to `release:check`. */
export type UpdateDecision =
  | { action: 'stay' }
  | { action: 'refuse'; reason: ReleaseRefusal | 'no_file' | 'no_keys' | 'failed_before'; message: string }
  | { action: 'install'; releaseId: string; manifest: AgentReleaseManifest; file: AgentReleaseFile };

/**
 * Decides on the hub's answer: nothing offered, or the signed metadata verified (trusted key,
 * channel, expiry, no replay, no unsigned downgrade) and a file for this platform, arch and kind.
 * The hub is not trusted here: it only chooses which signed statement to hand over. A version that
 * already failed to start on this machine is not tried again until a newer one is offered.
 */
export function decideUpdate(
  ack: AgentReleaseCheckAck,
  context: AgentReleaseCheck & { trusted: readonly TrustedReleaseKey[]; now: number; lastIssuedAt: string | null; failedVersions: readonly string[] },
): UpdateDecision {
  if (!ack.release) return { action: 'stay' };
  if (context.trusted.length === 0) return { action: 'refuse', reason: 'no_keys', message: 'no updateKeys in the machine configuration: this agent installs no update' };
  const verdict = verifyRelease(ack.release.signed, context.trusted, { now: context.now, channel: context.channel, installedVersion: context.installedVersion, lastIssuedAt: context.lastIssuedAt });
  if (!verdict.ok) return { action: 'refuse', reason: verdict.reason, message: verdict.message };
  const manifest = verdict.manifest;
  if (manifest.version === context.installedVersion) return { action: 'stay' };
  if (context.failedVersions.includes(manifest.version)) return { action: 'refuse', reason: 'failed_before', message: `${manifest.version} failed to start here before` };
  const file = manifest.files.find((f) => f.platform === context.platform && f.arch === context.arch && f.kind === context.kind);
  if (!file) return { action: 'refuse', reason: 'no_file', message: `${manifest.version} has no ${context.kind} file for ${context.platform}-${context.arch}` };
  return { action: 'install', releaseId: ack.release.id, manifest, file };
}
