import { readFile, statfs } from 'node:fs/promises';
import { withTimeout } from '../util/with-timeout.js';
import { isNetworkFs, isRealVolume } from './volume-filter.js';

/** One mounted file system's size and use, in bytes. */
export interface FsUsage {
  fs: string;
  type: string;
  mount: string;
  size: number;
  used: number;
}

/** How long one file-system listing answers every caller (a heartbeat asks twice: metrics and disk-free check). */
export const FS_SIZE_REUSE_MS = 10_000;

let last: { at: number; sizes: Promise<FsUsage[]> } | undefined;

/**
 * The local file systems' use for a heartbeat, shared by its callers. On Linux it reads the mount
 * table and asks the kernel (statfs) directly: no `df` process every 30 s and no systeminformation
 * in the service's memory. Elsewhere systeminformation's listing, imported on first use.
 */
export function sharedFsSize(timeoutMs: number, now: () => number = Date.now, platform: NodeJS.Platform = process.platform): Promise<FsUsage[]> {
  const at = now();
  if (last && at - last.at >= 0 && at - last.at < FS_SIZE_REUSE_MS) return last.sizes;
  const sizes = withTimeout(platform === 'linux' ? linuxFsSize() : siFsSize(), timeoutMs, 'disk sample');
  last = { at, sizes };
  // A failed listing is not reused: the next caller tries again.
  sizes.catch(() => {
    if (last?.sizes === sizes) last = undefined;
  });
  return sizes;
}

/** Linux: /proc/self/mounts, then statfs on each real, local volume (network mounts are never touched). */
export async function linuxFsSize(
  mounts = '/proc/self/mounts',
  stat: (path: string) => Promise<{ blocks: number; bfree: number; bsize: number }> = statfs,
): Promise<FsUsage[]> {
  const out: FsUsage[] = [];
  for (const line of (await readFile(mounts, 'utf8')).split('\n')) {
    const [source, where, type] = line.split(' ');
    if (!source || !where || !type) continue;
    const mount = unescapeMount(where);
    if (!isRealVolume(type, mount) || isNetworkFs(type, source)) continue;
    try {
      const s = await stat(mount);
      out.push({ fs: source, type, mount, size: s.blocks * s.bsize, used: (s.blocks - s.bfree) * s.bsize });
    } catch {
      // Gone or unreadable since the table was read: not a volume to report.
    }
  }
  return out;
}

/** The mount table writes space, tab, newline and backslash as octal escapes (`\040`). */
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

async function siFsSize(): Promise<FsUsage[]> {
  const { default: si } = await import('systeminformation');
  return (await si.fsSize()).map((f) => ({ fs: f.fs, type: f.type, mount: f.mount, size: f.size, used: f.used }));
}
