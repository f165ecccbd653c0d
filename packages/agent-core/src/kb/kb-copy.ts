import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EmployeeArticleSchema, KB_LIMITS, type EmployeeArticle, type KbKnown } from '@deskside/protocol';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';

/** The offline copy's budget: the hub selects within the same limits, the agent enforces them again. */
export const KB_COPY_BUDGET = { articles: KB_LIMITS.offlineArticles, chars: KB_LIMITS.offlineChars } as const;

const COPY_FILE = 'kb-articles.json';
// A file larger than the budget (JSON-escaped, in UTF-8) was not written by us: it is not read.
const MAX_FILE_BYTES = KB_COPY_BUDGET.chars * 4 + 1_000_000;

const CopyFileSchema = z.object({
  v: z.literal(1),
  stamp: z.string().max(64).nullable(),
  syncedAt: z.string().max(40).nullable(),
  articles: z.array(EmployeeArticleSchema).max(KB_COPY_BUDGET.articles),
});
type CopyFile = z.infer<typeof CopyFileSchema>;

/** What one sync answer changes: new and changed articles, and the ids still published (absent: keep all). */
export interface KbCopyChange {
  articles: readonly EmployeeArticle[];
  ids?: readonly string[];
}

/**
 * The employee articles this PC keeps for offline reading, in one file written atomically. Bounded
 * by {@link KB_COPY_BUDGET}: newest first, an article that does not fit is left out. A file that is
 * unreadable, too large or malformed counts as an empty copy (the next sync fills it again).
 */
export class KbCopy {
  private readonly file: string;
  private loaded: Promise<CopyFile> | null = null;

  constructor(stateDir: string) {
    this.file = join(stateDir, COPY_FILE);
  }

  async articles(): Promise<readonly EmployeeArticle[]> {
    return (await this.load()).articles;
  }

  async stamp(): Promise<string | null> {
    return (await this.load()).stamp;
  }

  async syncedAt(): Promise<string | null> {
    return (await this.load()).syncedAt;
  }

  /** What the copy holds, for an incremental `kb:sync`. */
  async known(): Promise<KbKnown[]> {
    return (await this.articles()).map((a) => ({ id: a.id, updatedAt: a.updatedAt }));
  }

  /** Applies a sync answer; `stamp` is recorded only once the copy is complete (`null` keeps asking). */
  async apply(change: KbCopyChange, stamp: string | null, at: Date): Promise<void> {
    const current = await this.load();
    const byId = new Map(current.articles.map((a) => [a.id, a]));
    for (const a of change.articles) byId.set(a.id, a);
    const keep = change.ids ? new Set(change.ids) : null;
    const candidates = [...byId.values()].filter((a) => keep === null || keep.has(a.id));
    const next: CopyFile = { v: 1, stamp, syncedAt: at.toISOString(), articles: withinBudget(candidates) };
    await writeFileAtomic(this.file, JSON.stringify(next));
    this.loaded = Promise.resolve(next);
  }

  private load(): Promise<CopyFile> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<CopyFile> {
    const empty: CopyFile = { v: 1, stamp: null, syncedAt: null, articles: [] };
    try {
      if ((await stat(this.file)).size > MAX_FILE_BYTES) return empty;
      const parsed = CopyFileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? { ...parsed.data, articles: withinBudget(parsed.data.articles) } : empty;
    } catch {
      return empty;
    }
  }
}

/** Newest first, until the article count or the character budget is spent. */
export function withinBudget(articles: readonly EmployeeArticle[]): EmployeeArticle[] {
  const sorted = [...articles].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
  const out: EmployeeArticle[] = [];
  let chars = 0;
  for (const a of sorted) {
    if (out.length >= KB_COPY_BUDGET.articles) break;
    const size = a.title.length + a.body.length;
    if (chars + size > KB_COPY_BUDGET.chars) continue;
    chars += size;
    out.push(a);
  }
  return out;
}
