import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface CleanResult {
  /** What was measured before deleting. */
  measuredBytes: number;
  freedBytes: number;
  files: number;
  /** Files that could not be removed (in use, another owner's). */
  skipped: number;
}

const DAY_MS = 86_400_000;
/** Enough for any real temp folder; a pathological tree stops here rather than running for hours. */
const MAX_ENTRIES = 200_000;

/**
 * Deletes regular files not modified for `olderThanDays` under `dir`, then the directories that
 * became empty. Symbolic links are removed as links and never followed, so a link planted in the
 * temp folder cannot point the clean-up at anything else. The space is measured first.
 */
export async function cleanDir(dir: string, olderThanDays: number, now: number): Promise<CleanResult> {
  const cutoff = now - olderThanDays * DAY_MS;
  const victims: Array<{ path: string; size: number }> = [];
  const dirs: Array<{ path: string; old: boolean }> = [];
  let seen = 0;
  const walk = async (path: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(path);
    } catch {
      return;
    }
    for (const name of names) {
      if (++seen > MAX_ENTRIES) return;
      const child = join(path, name);
      let info;
      try {
        info = await lstat(child);
      } catch {
        continue;
      }
      if (info.isDirectory()) {
        dirs.push({ path: child, old: info.mtimeMs <= cutoff });
        await walk(child);
      } else if ((info.isFile() || info.isSymbolicLink()) && info.mtimeMs <= cutoff) {
        // Sockets and FIFOs belong to running programs: never touched.
        victims.push({ path: child, size: info.isSymbolicLink() ? 0 : info.size });
      }
    }
  };
  await walk(dir);
  const measuredBytes = victims.reduce((sum, v) => sum + v.size, 0);
  let freedBytes = 0;
  let files = 0;
  let skipped = 0;
  for (const victim of victims) {
    try {
      await rm(victim.path, { force: false });
      freedBytes += victim.size;
      files++;
    } catch {
      skipped++;
    }
  }
  // Deepest first, only directories that were old themselves; one still holding newer files stays
  // (rmdir refuses it).
  for (const d of dirs.reverse()) if (d.old) await rmdir(d.path).catch(() => undefined);
  return { measuredBytes, freedBytes, files, skipped };
}
