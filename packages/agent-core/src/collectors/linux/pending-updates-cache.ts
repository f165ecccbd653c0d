import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** How long a counted `apt-get -s upgrade` answer is reused when the package lists have not changed. */
export const PENDING_UPDATES_TTL_MS = 6 * 60 * 60 * 1000;

/** `apt update` rewrites these: a newer mtime means the cached count describes stale lists. */
export const APT_STATE_PATHS = ['/var/lib/apt/lists', '/var/cache/apt/pkgcache.bin'] as const;

/** What the cache touches, injectable so tests use a fake clock and an in-memory file system. */
export interface PendingUpdatesCacheDeps {
  readonly now: () => number;
  /** mtime in ms, or undefined when the path is missing. */
  readonly mtimeMs: (path: string) => Promise<number | undefined>;
  readonly readText: (path: string) => Promise<string>;
  readonly writeText: (path: string, text: string) => Promise<void>;
  /** Where the cached answer lives; null disables caching. */
  readonly file: string | null;
}

const CacheEntrySchema = z.object({
  count: z.number().int().min(0).max(1_000_000),
  at: z.number().finite(),
  stateMtimeMs: z.number().finite(),
});

/** The real machine: the cache file under the agent user's `~/.cache` (not /tmp, where others could plant one). */
export function realPendingUpdatesCacheDeps(home: string | null): PendingUpdatesCacheDeps {
  return {
    now: Date.now,
    mtimeMs: async (path) => {
      try {
        return (await stat(path)).mtimeMs;
      } catch {
        return undefined;
      }
    },
    readText: (path) => readFile(path, 'utf8'),
    writeText: async (path, text) => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, text, { mode: 0o600 });
    },
    file: home === null ? null : join(home, '.cache', 'deskside', 'apt-pending-updates.json'),
  };
}

/**
 * The pending-updates count, reused for {@link PENDING_UPDATES_TTL_MS} unless the apt lists changed
 * since it was counted: the dry-run upgrade costs ~10 s of CPU and the inventory runs hourly.
 * A failed count (undefined) is never cached, so the next run retries.
 */
export async function cachedPendingUpdates(deps: PendingUpdatesCacheDeps, count: () => Promise<number | undefined>): Promise<number | undefined> {
  const state = await aptStateMtime(deps);
  const now = deps.now();
  if (deps.file !== null && state !== undefined) {
    const hit = await readEntry(deps, deps.file);
    // An entry from the future (clock moved back) is not trusted.
    if (hit && hit.stateMtimeMs === state && hit.at <= now && now - hit.at < PENDING_UPDATES_TTL_MS) return hit.count;
  }
  const fresh = await count();
  if (fresh !== undefined && deps.file !== null && state !== undefined) {
    await deps.writeText(deps.file, JSON.stringify({ count: fresh, at: now, stateMtimeMs: state })).catch(() => undefined);
  }
  return fresh;
}

async function aptStateMtime(deps: PendingUpdatesCacheDeps): Promise<number | undefined> {
  const times = (await Promise.all(APT_STATE_PATHS.map((p) => deps.mtimeMs(p)))).filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}

async function readEntry(deps: PendingUpdatesCacheDeps, file: string): Promise<z.infer<typeof CacheEntrySchema> | undefined> {
  try {
    const text = await deps.readText(file);
    if (text.length > 4096) return undefined;
    const parsed = CacheEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
