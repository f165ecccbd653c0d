import { ArticleCreateSchema, IdSchema, type ConsoleSocketData, type KbFile, type KbImportResult } from '@deskside/protocol';
import type { KbArticleRecord } from '@deskside/store';
import { parse, stringify } from 'yaml';
import { ServiceError } from '../service-error.js';
import { technicianFilter } from './kb-access.js';
import type { KbArticles } from './kb-articles.js';
import type { KbDeps } from './kb-deps.js';

const MAX_EXPORT = 2000;

/**
 * The knowledge base as a folder of Markdown files with YAML front matter, so a team can keep it
 * in git or bring it from another tool. Export writes every article the person sees; import
 * creates articles (keeping a given id) or updates the ones whose id exists, through the same
 * service as the console (validation, site scope, versions, audit).
 */
export async function exportFolder(deps: Pick<KbDeps, 'store'>, who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): Promise<KbFile[]> {
  const articles = await deps.store.kbArticles.list(technicianFilter(who), MAX_EXPORT);
  return articles.map(toFile).sort((a, b) => a.path.localeCompare(b.path));
}

export function toFile(a: KbArticleRecord): KbFile {
  const front = { id: a.id, title: a.title, category: a.category, tags: a.tags, audience: a.audience, status: a.status, sites: a.siteIds, related: a.relatedIds };
  return { path: `${slug(a.category)}/${slug(a.title)}--${a.id}.md`, content: `---\n${stringify(front)}---\n\n${a.body}` };
}

export async function importFolder(articles: KbArticles, deps: Pick<KbDeps, 'store'>, who: Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>, files: readonly KbFile[]): Promise<KbImportResult> {
  const result = { created: 0, updated: 0, unchanged: 0 };
  for (const file of files) {
    const { front, body } = splitFrontMatter(file);
    const parsed = ArticleCreateSchema.safeParse({ ...front, body, siteIds: front['sites'] ?? [], relatedIds: [] });
    if (!parsed.success) throw new ServiceError('invalid_payload', `${file.path.slice(0, 200)}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const id = IdSchema.safeParse(front['id']);
    const existing = id.success ? await deps.store.kbArticles.findById(id.data) : undefined;
    const input = parsed.data;
    if (existing) {
      const same = existing.title === input.title && existing.body === input.body && existing.category === input.category && existing.status === input.status && existing.audience === input.audience && existing.tags.join(' ') === input.tags.join(' ');
      if (same) result.unchanged += 1;
      else {
        await articles.update(who, existing.id, { baseVersion: existing.version, title: input.title, body: input.body, category: input.category, tags: input.tags, audience: input.audience, status: input.status, siteIds: input.siteIds });
        result.updated += 1;
      }
    } else {
      await articles.create(who, input, id.success ? id.data : undefined);
      result.created += 1;
    }
  }
  return result;
}

function splitFrontMatter(file: KbFile): { front: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.content);
  if (!match) throw new ServiceError('invalid_payload', `${file.path.slice(0, 200)}: no front matter (--- … ---) at the top.`);
  let front: unknown;
  try {
    // Plain data only: no custom tags, bounded aliases.
    front = parse(match[1] ?? '', { schema: 'core', maxAliasCount: 10 });
  } catch {
    throw new ServiceError('invalid_payload', `${file.path.slice(0, 200)}: the front matter is not valid YAML.`);
  }
  if (front === null || typeof front !== 'object' || Array.isArray(front)) throw new ServiceError('invalid_payload', `${file.path.slice(0, 200)}: the front matter must be a mapping.`);
  return { front: front as Record<string, unknown>, body: (match[2] ?? '').replace(/^\n/, '') };
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'article'
  );
}
