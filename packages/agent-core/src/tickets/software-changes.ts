import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DiagnosticsBundle, InventoryDocument } from '@deskside/protocol';
import { ensurePrivateDir, writeFileAtomic } from '../util/atomic-file.js';

export type SoftwareChange = DiagnosticsBundle['recentSoftware'][number];

/** Changes older than this are not "recent" any more. */
export const RECENT_SOFTWARE_MS = 14 * 24 * 60 * 60 * 1000;
const MAX_CHANGES = 100;
export const SOFTWARE_CHANGES_FILE = 'software-changes.json';

const ChangeSchema = z.object({
  name: z.string().max(256),
  version: z.string().max(64).nullable(),
  change: z.enum(['installed', 'updated', 'removed']),
  at: z.string().max(64).nullable(),
});
const FileSchema = z.object({
  v: z.literal(1),
  /** The software section of the last inventory, as name\u0000publisher → version. */
  snapshot: z.record(z.string(), z.string().nullable()).nullable(),
  changes: z.array(ChangeSchema).max(MAX_CHANGES),
});
type LogFile = z.infer<typeof FileSchema>;

/**
 * Software installed, updated or removed recently: each inventory's software section is diffed
 * against the previous one (kept as a compact snapshot in the state dir), and the changes are
 * kept, newest first, for two weeks. The first inventory only sets the baseline.
 */
export class SoftwareChangeLog {
  private readonly path: string;
  private cached: LogFile | null = null;

  constructor(private readonly stateDir: string) {
    this.path = join(stateDir, SOFTWARE_CHANGES_FILE);
  }

  /** Diffs `document` against the last one; returns the new changes. No software section: nothing. */
  async note(document: InventoryDocument, now: number): Promise<SoftwareChange[]> {
    if (!document.software) return [];
    const log = await this.load();
    const snapshot: Record<string, string | null> = {};
    const names: Record<string, string> = {};
    for (const item of document.software) {
      const key = `${item.name}\u0000${item.publisher ?? ''}`;
      snapshot[key] = item.version;
      names[key] = item.name;
    }
    const at = new Date(now).toISOString();
    const found: SoftwareChange[] = [];
    if (log.snapshot) {
      for (const [key, version] of Object.entries(snapshot)) {
        if (!(key in log.snapshot)) found.push({ name: names[key] ?? key, version: clip(version), change: 'installed', at });
        else if (log.snapshot[key] !== version) found.push({ name: names[key] ?? key, version: clip(version), change: 'updated', at });
      }
      for (const [key, version] of Object.entries(log.snapshot)) {
        if (!(key in snapshot)) found.push({ name: key.split('\u0000')[0] ?? key, version: clip(version), change: 'removed', at });
      }
    }
    const next: LogFile = { v: 1, snapshot, changes: [...found, ...log.changes].slice(0, MAX_CHANGES) };
    this.cached = next;
    await ensurePrivateDir(this.stateDir);
    await writeFileAtomic(this.path, JSON.stringify(next));
    return found;
  }

  /** Changes of the last two weeks, newest first. */
  async recent(now: number): Promise<SoftwareChange[]> {
    const log = await this.load();
    return log.changes.filter((c) => c.at === null || Date.parse(c.at) > now - RECENT_SOFTWARE_MS);
  }

  private async load(): Promise<LogFile> {
    if (this.cached) return this.cached;
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      this.cached = parsed.success ? parsed.data : { v: 1, snapshot: null, changes: [] };
    } catch {
      this.cached = { v: 1, snapshot: null, changes: [] };
    }
    return this.cached;
  }
}

function clip(version: string | null): string | null {
  return version === null ? null : version.slice(0, 64);
}
