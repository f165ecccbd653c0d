import { open, rename, rm, mkdir, chmod, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

const POSIX = process.platform !== 'win32';

/**
 * Writes `data` to `path` so that a crash or power loss leaves either the old file or the new one,
 * never a torn mix: write a temp file, fsync it, rename over the target, fsync the directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dirname(path));
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open directories; NTFS journals renames. */
export async function fsyncDir(dir: string): Promise<void> {
  if (!POSIX) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` (and parents) and makes it private to the owner on POSIX. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (POSIX) {
    const s = await stat(dir);
    if ((s.mode & 0o077) !== 0) await chmod(dir, 0o700);
  }
}

/**
 * Whether `path` can be read by anyone but its owner (POSIX only). If so the mode is tightened to
 * 0600 and `true` is returned, so the caller can warn that a secret may have been exposed.
 */
export async function tightenIfExposed(path: string): Promise<boolean> {
  if (!POSIX) return false;
  const s = await stat(path);
  if ((s.mode & 0o077) === 0) return false;
  await chmod(path, 0o600);
  return true;
}
