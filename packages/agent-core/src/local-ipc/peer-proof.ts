import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecFn } from '../probes/exec.js';

/** The OS account a tray connection proved to be. */
export interface PeerUser {
  name: string;
  /** POSIX uid; null on Windows. */
  uid: number | null;
}

/** A challenge: a fresh secret in a file only `user` (and the service) can read. */
export interface Challenge {
  path: string;
  /** Constant-time comparison with what the tray sent. */
  matches(secret: string): boolean;
  /** Removes the file (answered, refused or timed out). */
  dispose(): Promise<void>;
}

export interface ChallengeIssuer {
  issue(user: PeerUser): Promise<Challenge>;
}

/**
 * Challenges as files under `root` (the service's runtime directory, e.g. /run/deskside-agent/peers):
 * POSIX: `root/<uid>/` owned by the uid, mode 0700, the file 0600 owned by the uid, so only that
 * user and root can read it. Windows: `root\<user>\` with inheritance removed and full control for
 * that account and SYSTEM only (icacls, as an argument array). Reading the file proves the peer
 * runs as that OS user: the identity check Node cannot do on the socket itself (no SO_PEERCRED).
 */
export function fileChallenges(root: string, options: { platform?: NodeJS.Platform; exec?: ExecFn } = {}): ChallengeIssuer {
  const platform = options.platform ?? process.platform;
  return {
    async issue(user) {
      const dir = join(root, user.uid === null ? user.name : String(user.uid));
      await mkdir(root, { recursive: true, mode: 0o711 });
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const secret = randomBytes(32).toString('hex');
      const path = join(dir, `challenge-${randomBytes(8).toString('hex')}`);
      if (platform === 'win32') {
        if (!options.exec) throw new Error('an exec function is needed to set the challenge ACL');
        const acl = await options.exec('icacls', [dir, '/inheritance:r', '/grant:r', `${user.name}:(OI)(CI)F`, '*S-1-5-18:(OI)(CI)F'], { timeoutMs: 10_000, maxBuffer: 64 * 1024 });
        if (acl.exitCode !== 0) throw new Error(`icacls exited with code ${acl.exitCode}`);
        await writeFile(path, secret, { flag: 'wx' });
      } else {
        if (user.uid === null) throw new Error('a POSIX peer needs a uid');
        await chown(dir, user.uid, -1);
        await writeFile(path, secret, { flag: 'wx', mode: 0o600 });
        await chown(path, user.uid, -1);
      }
      const expected = Buffer.from(secret);
      return {
        path,
        matches: (given) => given.length === secret.length && timingSafeEqual(Buffer.from(given), expected),
        dispose: () => rm(path, { force: true }),
      };
    },
  };
}

/** POSIX: the login name of a uid, from the system's user database (`id -nu`), never from the peer. */
export async function loginNameOf(uid: number, exec: ExecFn): Promise<string | null> {
  const result = await exec('id', ['-nu', String(uid)], { timeoutMs: 5_000, maxBuffer: 4096 }).catch(() => null);
  if (!result || result.exitCode !== 0) return null;
  const name = Buffer.from(result.stdout).toString('utf8').trim();
  return name === '' ? null : name;
}
