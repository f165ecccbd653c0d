import { type Kysely, sql } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { KbActivityRepository, KbArticleCounts, KbTicketRelation } from './kb-types.js';

const RELATIONS: readonly KbTicketRelation[] = ['source', 'read-before-asking', 'linked-in-reply'];

/** Feedback, deflections, logged searches, ticket links and attachments of the knowledge base. */
export function createKbActivityRepository(db: Kysely<Database>): KbActivityRepository {
  return {
    async addFeedback(f) {
      await db
        .insertInto('kb_feedback')
        .values({ id: f.id, article_id: f.articleId, at: toMs(f.at), helpful: f.helpful ? 1 : 0, comment: f.comment, source: f.source, name: f.name, device_id: f.deviceId, user_id: f.userId })
        .execute();
    },
    async feedback(articleId, limit) {
      const rows = await db.selectFrom('kb_feedback').selectAll().where('article_id', '=', articleId).orderBy('at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        articleId: r.article_id,
        at: fromMs(r.at),
        helpful: Number(r.helpful) === 1,
        comment: r.comment,
        source: r.source === 'technician' ? 'technician' : 'employee',
        name: r.name,
        deviceId: r.device_id,
        userId: r.user_id,
      }));
    },
    async counts(articleIds) {
      const out = new Map<string, KbArticleCounts>(articleIds.map((id) => [id, { helpful: 0, unhelpful: 0, deflections: 0 }]));
      for (const chunk of chunkForParams([...new Set(articleIds)], 1)) {
        const votes = await db
          .selectFrom('kb_feedback')
          .select(['article_id', sql<number>`sum(helpful)`.as('up'), sql<number>`sum(1 - helpful)`.as('down')])
          .where('article_id', 'in', chunk)
          .groupBy('article_id')
          .execute();
        for (const v of votes) Object.assign(out.get(v.article_id) ?? {}, { helpful: Number(v.up), unhelpful: Number(v.down) });
        const deflections = await db.selectFrom('kb_deflections').select(['article_id', sql<number>`count(*)`.as('n')]).where('article_id', 'in', chunk).groupBy('article_id').execute();
        for (const d of deflections) Object.assign(out.get(d.article_id) ?? {}, { deflections: Number(d.n) });
      }
      return out;
    },
    async addDeflection(d) {
      await db.insertInto('kb_deflections').values({ id: d.id, article_id: d.articleId, device_id: d.deviceId, site_id: d.siteId, subject: d.subject, at: toMs(d.at) }).execute();
    },
    async deflectionsBetween(from, to) {
      const row = await db.selectFrom('kb_deflections').select(sql<number>`count(*)`.as('n')).where('at', '>=', toMs(from)).where('at', '<', toMs(to)).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async logSearch(s) {
      await db.insertInto('kb_searches').values({ id: s.id, at: toMs(s.at), query: s.query, results: s.results, source: s.source }).execute();
    },
    async noResultSearches(from, to, limit) {
      const rows = await db
        .selectFrom('kb_searches')
        .select(['query', sql<number>`count(*)`.as('n'), sql<number>`max(at)`.as('last_at')])
        .where('results', '=', 0)
        .where('at', '>=', toMs(from))
        .where('at', '<', toMs(to))
        .groupBy('query')
        .orderBy('n', 'desc')
        .orderBy('last_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ query: r.query, count: Number(r.n), lastAt: fromMs(r.last_at) }));
    },
    async topArticles(from, to, limit) {
      const rows = await sql<{ article_id: string; deflections: number; up: number; down: number }>`
        select article_id, sum(d) as deflections, sum(up) as up, sum(down) as down from (
          select article_id, 1 as d, 0 as up, 0 as down from kb_deflections where at >= ${toMs(from)} and at < ${toMs(to)}
          union all
          select article_id, 0, helpful, 1 - helpful from kb_feedback where at >= ${toMs(from)} and at < ${toMs(to)}
        ) t group by article_id order by deflections desc, up desc limit ${limit}`.execute(db);
      return rows.rows.map((r) => ({ articleId: r.article_id, deflections: Number(r.deflections), helpful: Number(r.up), unhelpful: Number(r.down) }));
    },
    async unhelpful(limit) {
      const rows = await sql<{ article_id: string; up: number; down: number; last_comment: string | null }>`
        select f.article_id, sum(f.helpful) as up, sum(1 - f.helpful) as down,
          (select c.comment from kb_feedback c where c.article_id = f.article_id and c.helpful = 0 and c.comment <> '' order by c.at desc limit 1) as last_comment
        from kb_feedback f group by f.article_id
        having sum(1 - f.helpful) > sum(f.helpful)
        order by sum(1 - f.helpful) - sum(f.helpful) desc, sum(1 - f.helpful) desc limit ${limit}`.execute(db);
      return rows.rows.map((r) => ({ articleId: r.article_id, helpful: Number(r.up), unhelpful: Number(r.down), lastComment: r.last_comment }));
    },
    async linkTicket(articleId, ticketId, relation, at) {
      await db
        .insertInto('kb_article_tickets')
        .values({ article_id: articleId, ticket_id: ticketId, relation, at: toMs(at) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async ticketLinks(ticketId) {
      const rows = await db.selectFrom('kb_article_tickets').select(['article_id', 'relation']).where('ticket_id', '=', ticketId).orderBy('at').execute();
      return rows.flatMap((r) => {
        const relation = RELATIONS.find((x) => x === r.relation);
        return relation ? [{ articleId: r.article_id, relation }] : [];
      });
    },
    async ticketsOfArticles(articleIds) {
      const out = new Set<string>();
      for (const chunk of chunkForParams([...new Set(articleIds)], 1)) {
        const rows = await db.selectFrom('kb_article_tickets').select('ticket_id').where('article_id', 'in', chunk).execute();
        for (const r of rows) out.add(r.ticket_id);
      }
      return [...out];
    },
    async addAttachment(a) {
      await db
        .insertInto('kb_attachments')
        .values({ id: a.id, article_id: a.articleId, media_type: a.mediaType, bytes: a.bytes, width: a.width, height: a.height, storage_path: a.storagePath, sha256: a.sha256, created_at: toMs(a.createdAt) })
        .execute();
    },
    async findAttachment(articleId, id) {
      const r = await db.selectFrom('kb_attachments').selectAll().where('article_id', '=', articleId).where('id', '=', id).executeTakeFirst();
      return r === undefined
        ? undefined
        : { id: r.id, articleId: r.article_id, mediaType: r.media_type, bytes: Number(r.bytes), width: Number(r.width), height: Number(r.height), storagePath: r.storage_path, sha256: r.sha256, createdAt: fromMs(r.created_at) };
    },
  };
}
