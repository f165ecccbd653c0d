import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Agent as HttpsAgent } from 'node:https';
import type { Ack, AgentReleaseCheck, AgentReleaseCheckAck } from '@deskside/protocol';
import type { ExecFn } from '../probes/exec.js';
import type { TrustedReleaseKey } from './release-signature.js';
import { decideUpdate, type UpdateDecision } from './update-decision.js';
import type { UpdateSlots } from './update-slots.js';
import { downloadVerified } from './verified-download.js';

export interface HeadlessUpdaterDeps {
  /** The hub connection (HubConnection fits): only `release:check` is sent. */
  connection: { send(event: 'release:check', payload: AgentReleaseCheck, timeoutMs: number): Promise<Ack<AgentReleaseCheckAck>> };
  slots: UpdateSlots;
  hubUrl: string;
  /** The pinned TLS agent, for files served by the hub. */
  agent?: HttpsAgent;
  trusted: readonly TrustedReleaseKey[];
  /** This agent: the version running, its channel, platform and arch (kind is `headless`). */
  self: Omit<AgentReleaseCheck, 'kind'>;
  exec: ExecFn;
  now: () => number;
}

/** What one pass did; `restart` asks the service body to exit so the service manager starts the new version. */
export type UpdatePass = { outcome: 'stay' | 'hub-unavailable' } | { outcome: 'refused'; decision: Extract<UpdateDecision, { action: 'refuse' }> } | { outcome: 'restart'; version: string };

/**
 * One update pass of the headless agent (the service body): ask the hub which release to run,
 * verify the signed answer, download the file checking the signed SHA-512, unpack it into its own
 * version directory and stage it on trial. The caller exits (code 75) to restart into it;
 * UpdateSlots.boot rolls back a version that does not prove itself.
 */
export async function updateOnce(deps: HeadlessUpdaterDeps): Promise<UpdatePass> {
  const check: AgentReleaseCheck = { ...deps.self, kind: 'headless' };
  const ack = await deps.connection.send('release:check', check, 30_000);
  if (!ack.ok) return { outcome: 'hub-unavailable' };
  const state = await deps.slots.read();
  const decision = decideUpdate(ack.data, { ...check, trusted: deps.trusted, now: deps.now(), lastIssuedAt: state.lastIssuedAt, failedVersions: state.failed });
  if (decision.action === 'stay') return { outcome: 'stay' };
  if (decision.action === 'refuse') return { outcome: 'refused', decision };
  const { manifest, file } = decision;
  const downloads = join(deps.slots.dir, 'downloads');
  const archive = await downloadVerified(file, { hubUrl: deps.hubUrl, dir: downloads, name: `${manifest.version}.tar.gz`, ...(deps.agent ? { agent: deps.agent } : {}) });
  const target = deps.slots.versionDir(manifest.version);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true, mode: 0o755 });
  try {
    // tar ships with Linux, macOS and Windows 10+; an argument array, never a shell.
    const result = await deps.exec('tar', ['-xzf', archive, '-C', target], { timeoutMs: 120_000, maxBuffer: 64 * 1024 });
    if (result.exitCode !== 0) throw new Error(`tar exited with code ${result.exitCode}`);
  } catch (e) {
    await rm(target, { recursive: true, force: true });
    throw e;
  } finally {
    await rm(archive, { force: true });
  }
  await deps.slots.stage(manifest.version, manifest.issuedAt);
  return { outcome: 'restart', version: manifest.version };
}
