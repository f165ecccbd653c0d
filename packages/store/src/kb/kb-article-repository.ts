import { type Kysely, type Selectable, sql } from 'kysely';
import { ArticleAudienceSchema, ArticleStatusSchema } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { KbArticlesTable } from './schema-kb.js';
import type { KbArticleRecord, KbArticleRepository, KbFilter } from './kb-types.js';
import { kbFilterSql } from './kb-filter-sql.js';
import { isPostgres } from '../mapping/dialect.js';
import { searchPostgres } from './kb-search-postgres.js';
import { searchSqlite } from './kb-search-sqlite.js';

/** Articles, their sites and versions. `search` is FTS5 on SQLite, tsvector + ts_rank on PostgreSQL. */
export function createKbArticleRepository(db: Kysely<Database>): KbArticleRepository {
  const findMany = async (ids: readonly string[]): Promise<KbArticleRecord[]> => {
    const rows: Array<Selectable<KbArticlesTable>> = [];
    for (const chunk of chunkForParams([...new Set(ids)], 1)) rows.push(...(await db.selectFrom('kb_articles').selectAll().where('id', 'in', chunk).execute()));
    const sites = await sitesOf(db, rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, sites.get(r.id) ?? []));
  };
  const setSites = async (id: string, siteIds: readonly string[]): Promise<void> => {
    await db.deleteFrom('kb_article_sites').where('article_id', '=', id).execute();
    if (siteIds.length > 0) await db.insertInto('kb_article_sites').values([...new Set(siteIds)].map((s) => ({ article_id: id, site_id: s }))).execute();
  };
  return {
    async create(a) {
      await db.insertInto('kb_articles').values(toRow(a)).execute();
      await setSites(a.id, a.siteIds);
      await db.insertInto('kb_article_versions').values({ article_id: a.id, version: a.version, at: toMs(a.updatedAt), author_name: a.updatedByName, title: a.title, body: a.body }).execute();
    },
    async update(id, baseVersion, patch, by) {
      const [current] = await findMany([id]);
      if (!current) return undefined;
      if (current.version !== baseVersion) return 'conflict';
      const next: KbArticleRecord = { ...current, ...patch, updatedAt: by.at, reviewedAt: by.at, updatedByName: by.name };
      const contentChanged = next.title !== current.title || next.body !== current.body;
      if (contentChanged) next.version = current.version + 1;
      // The version check again in the UPDATE: two saves racing from the same base cannot both win.
      const result = await db
        .updateTable('kb_articles')
        .set({ ...toRow(next), views: current.views })
        .where('id', '=', id)
        .where('version', '=', baseVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'conflict';
      if (patch.siteIds) await setSites(id, patch.siteIds);
      if (contentChanged) {
        await db.insertInto('kb_article_versions').values({ article_id: id, version: next.version, at: toMs(by.at), author_name: by.name, title: next.title, body: next.body }).execute();
      }
      return next;
    },
    async markReviewed(id, at) {
      await db.updateTable('kb_articles').set({ reviewed_at: toMs(at) }).where('id', '=', id).execute();
    },
    async findById(id) {
      return (await findMany([id]))[0];
    },
    findMany,
    async list(filter, limit) {
      const rows = await sql<{ id: string }>`select a.id from kb_articles a where ${kbFilterSql(filter)} order by a.updated_at desc, a.id limit ${limit}`.execute(db);
      return ordered(await findMany(rows.rows.map((r) => r.id)), rows.rows.map((r) => r.id));
    },
    async search(query, filter, limit) {
      const hits = await (isPostgres(db) ? searchPostgres : searchSqlite)(db, query, filter, limit);
      const byId = new Map((await findMany(hits.map((h) => h.id))).map((a) => [a.id, a]));
      return hits.flatMap((h) => {
        const article = byId.get(h.id);
        return article ? [{ article, score: h.score }] : [];
      });
    },
    async versions(id) {
      const rows = await db.selectFrom('kb_article_versions').selectAll().where('article_id', '=', id).orderBy('version').execute();
      return rows.map((r) => ({ version: Number(r.version), at: fromMs(r.at), authorName: r.author_name, title: r.title, body: r.body }));
    },
    async addView(id) {
      await db.updateTable('kb_articles').set((eb) => ({ views: eb('views', '+', 1) })).where('id', '=', id).execute();
    },
    async stamp(filter: KbFilter) {
      const row = await sql<{ n: number; latest: number | null }>`select count(*) as n, max(a.updated_at) as latest from kb_articles a where ${kbFilterSql(filter)}`.execute(db);
      const first = row.rows[0];
      // Any change to an article moves updated_at forward; a change of filter membership moves the count or the latest.
      const all = await sql<{ latest: number | null }>`select max(updated_at) as latest from kb_articles`.execute(db);
      return `${Number(first?.n ?? 0)}.${Number(first?.latest ?? 0)}.${Number(all.rows[0]?.latest ?? 0)}`;
    },
    async stale(before, limit) {
      const rows = await db.selectFrom('kb_articles').select('id').where('status', '=', 'published').where('reviewed_at', '<', toMs(before)).orderBy('reviewed_at').limit(limit).execute();
      return ordered(await findMany(rows.map((r) => r.id)), rows.map((r) => r.id));
    },
  };
}

function ordered(records: KbArticleRecord[], ids: readonly string[]): KbArticleRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function sitesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const chunk of chunkForParams(ids, 1)) {
    const rows = await db.selectFrom('kb_article_sites').select(['article_id', 'site_id']).where('article_id', 'in', chunk).execute();
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.site_id]);
  }
  return out;
}

function toRow(a: KbArticleRecord): KbArticlesTable {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    category: a.category,
    tags: JSON.stringify(a.tags),
    audience: a.audience,
    status: a.status,
    related_ids: JSON.stringify(a.relatedIds),
    version: a.version,
    created_at: toMs(a.createdAt),
    updated_at: toMs(a.updatedAt),
    reviewed_at: toMs(a.reviewedAt),
    author_id: a.authorId,
    author_name: a.authorName,
    updated_by_name: a.updatedByName,
    source_ticket_id: a.sourceTicketId,
    views: a.views,
  };
}

function toRecord(r: Selectable<KbArticlesTable>, siteIds: string[]): KbArticleRecord {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    category: r.category,
    tags: stringArray(r.tags),
    audience: ArticleAudienceSchema.parse(r.audience),
    status: ArticleStatusSchema.parse(r.status),
    siteIds: siteIds.sort(),
    relatedIds: stringArray(r.related_ids),
    version: Number(r.version),
    createdAt: fromMs(r.created_at),
    updatedAt: fromMs(r.updated_at),
    reviewedAt: fromMs(r.reviewed_at),
    authorId: r.author_id,
    authorName: r.author_name,
    updatedByName: r.updated_by_name,
    sourceTicketId: r.source_ticket_id,
    views: Number(r.views),
  };
}

function stringArray(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
