import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, writeFileAtomic } from '../util/atomic-file.js';

const FILE = 'fix-runs-seen.json';
/** More than any hub issues within one request lifetime; the oldest are dropped first. */
const MAX_ENTRIES = 5_000;
const SeenSchema = z.record(z.string().max(64), z.number());

/**
 * The run ids this agent accepted, kept until their request expires (after that the expiry check
 * refuses them anyway). Written to disk before the run starts, so a restart cannot be used to
 * replay a request.
 */
export class ReplayGuard {
  private seen: Map<string, number> | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly stateDir: string, private readonly now: () => number) {}

  firstUse(runId: string, expiresAt: number): Promise<boolean> {
    const next = this.chain.then(async () => {
      const seen = await this.load();
      const now = this.now();
      for (const [id, until] of seen) if (until <= now) seen.delete(id);
      if (seen.has(runId)) return false;
      seen.set(runId, expiresAt);
      while (seen.size > MAX_ENTRIES) seen.delete(seen.keys().next().value as string);
      await ensurePrivateDir(this.stateDir);
      await writeFileAtomic(join(this.stateDir, FILE), JSON.stringify(Object.fromEntries(seen)));
      return true;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Map<string, number>> {
    if (this.seen) return this.seen;
    let entries: Record<string, number> = {};
    try {
      const parsed = SeenSchema.safeParse(JSON.parse(await readFile(join(this.stateDir, FILE), 'utf8')));
      if (parsed.success) entries = parsed.data;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof SyntaxError)) throw e;
    }
    this.seen = new Map(Object.entries(entries));
    return this.seen;
  }
}
