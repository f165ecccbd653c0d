import { chmod, readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ExecFn } from '../probes/exec.js';
import { writeFileAtomic } from '../util/atomic-file.js';

/**
 * The machine-wide configuration an installer writes (`/etc/deskside/agent.json`,
 * `%ProgramData%\Deskside\agent.json`, `/Library/Application Support/Deskside/agent.json`) from
 * its parameters: HUB_URL, ENROLL_TOKEN, HUB_FINGERPRINT. Unknown keys are ignored.
 */
export const MachineConfigSchema = z.object({
  hubUrl: z.url({ protocol: /^https?$/ }).max(2048),
  enrollToken: z.string().trim().min(1).max(512).optional(),
  hubFingerprint: z.string().trim().max(128).optional(),
  /** Public keys (from `deskside-agent release keygen`) whose signed releases this agent installs. */
  updateKeys: z
    .array(z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }))
    .max(4)
    .optional(),
  /** The update channel this agent follows (default `stable`). */
  updateChannel: z.string().regex(/^[a-z0-9-]{1,32}$/).optional(),
});
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

/** The configuration file is there but cannot be used; the message says why (never its content). */
export class MachineConfigError extends Error {}

/**
 * Reads the machine configuration; null when there is none. A file that others can read is made
 * owner-only at once (it may hold the enrolment token).
 */
export async function readMachineConfig(path: string): Promise<MachineConfig | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MachineConfigError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  let json: unknown;
  try {
    // Windows PowerShell's Set-Content -Encoding UTF8 writes a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new MachineConfigError(`${path} is not valid JSON`);
  }
  const parsed = MachineConfigSchema.safeParse(json);
  if (!parsed.success) throw new MachineConfigError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * After enrolment the token has done its job: the file is rewritten (atomically, owner-only)
 * without it, so it is not left in plain text on disk. Answers whether a token was removed.
 */
export async function forgetEnrollToken(path: string): Promise<boolean> {
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  if (typeof json !== 'object' || json === null || !('enrollToken' in json)) return false;
  const rest: Record<string, unknown> = { ...json };
  delete rest['enrollToken'];
  await writeFileAtomic(path, `${JSON.stringify(rest, null, 2)}\n`, 0o600);
  return true;
}

/**
 * Writes the machine configuration (what `deskside-agent configure` and the installers do):
 * validated, atomically, owner-only: 0600 on POSIX; on Windows inheritance removed and full
 * control for SYSTEM and Administrators only (icacls, an argument array).
 */
export async function writeMachineConfig(path: string, config: MachineConfig, options: { platform?: NodeJS.Platform; exec?: ExecFn } = {}): Promise<void> {
  const valid = MachineConfigSchema.parse(config);
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  await writeFileAtomic(path, `${JSON.stringify(valid, null, 2)}\n`, 0o600);
  if ((options.platform ?? process.platform) === 'win32') {
    if (!options.exec) throw new MachineConfigError('an exec function is needed to set the ACL');
    const acl = await options.exec('icacls', [path, '/inheritance:r', '/grant:r', '*S-1-5-18:F', '*S-1-5-32-544:F'], { timeoutMs: 10_000, maxBuffer: 64 * 1024 });
    if (acl.exitCode !== 0) throw new MachineConfigError(`icacls exited with code ${acl.exitCode}`);
  }
}
