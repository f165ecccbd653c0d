import type { Article, ArticleCreate, ArticleFeedback, ArticleListQuery, ArticleSummary, ArticleUpdate, ArticleVersion, ConsoleSocketData } from '@deskside/protocol';
import type { KbArticlePatch, KbArticleRecord, KbAttachmentRecord, Repositories } from '@deskside/store';
import { ServiceError } from '../service-error.js';
import { seesSite } from '../access/site-scope.js';
import { assertMayEdit, assertMayPublishTo, seesArticle, technicianFilter } from './kb-access.js';
import type { KbDeps } from './kb-deps.js';
import { versionDiffs } from './kb-diff.js';
import { presentArticle, presentSummary } from './kb-presenters.js';
import { logSearch } from './kb-search-log.js';

type User = Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>;

/** Feedback entries shown on an article page. */
const FEEDBACK_SHOWN = 50;

/** The technicians' side of the knowledge base: list and search, read, write, version history, feedback, images. */
export interface KbArticles {
  list(user: User, query: ArticleListQuery): Promise<ArticleSummary[]>;
  get(user: User, id: string): Promise<Article>;
  /** `id`: keep an imported article's id. */
  create(user: User, input: ArticleCreate, id?: string): Promise<Article>;
  update(user: User, id: string, patch: ArticleUpdate): Promise<Article>;
  versions(user: User, id: string): Promise<ArticleVersion[]>;
  feedback(user: User, id: string, feedback: ArticleFeedback): Promise<Article>;
  addImage(user: User, id: string, bytes: Buffer): Promise<{ id: string; path: string; markdown: string }>;
  image(user: User, articleId: string, imageId: string): Promise<{ meta: KbAttachmentRecord; bytes: Buffer }>;
}

export function createKbArticles(deps: KbDeps): KbArticles {
  const { store, clock, audit } = deps;
  const nameOf = async (userId: string): Promise<string> => (await store.users.findById(userId))?.displayName ?? 'technician';
  const visible = async (user: User, id: string): Promise<KbArticleRecord> => {
    const a = await store.kbArticles.findById(id);
    if (!a || !seesArticle(user, a)) throw new ServiceError('not_found', 'No such article.');
    return a;
  };
  const assertRelated = async (tx: Repositories, user: User, ids: readonly string[], self?: string): Promise<void> => {
    if (self !== undefined && ids.includes(self)) throw new ServiceError('invalid_payload', 'An article cannot be related to itself.');
    const found = await tx.kbArticles.findMany(ids);
    if (found.length !== new Set(ids).size || !found.every((a) => seesArticle(user, a))) throw new ServiceError('invalid_payload', 'A related article does not exist.');
  };
  const present = async (user: User, a: KbArticleRecord): Promise<Article> => {
    const [counts, feedback, related] = await Promise.all([
      store.kbActivity.counts([a.id]),
      store.kbActivity.feedback(a.id, FEEDBACK_SHOWN),
      store.kbArticles.findMany(a.relatedIds),
    ]);
    const refs = related.filter((r) => seesArticle(user, r)).map((r) => ({ id: r.id, title: r.title }));
    return presentArticle(a, counts.get(a.id), feedback, refs);
  };

  return {
    async list(user, query) {
      const filter = { ...technicianFilter(user), ...(query.audience ? { audiences: [query.audience] } : {}), ...(query.status ? { statuses: [query.status] } : {}) };
      const q = query.q?.trim() ?? '';
      const records = q === '' ? await store.kbArticles.list(filter, query.limit) : (await store.kbArticles.search(q, filter, query.limit)).map((h) => h.article);
      if (q !== '' && query.log === '1') await logSearch(deps, q, records.length, 'console');
      const counts = await store.kbActivity.counts(records.map((r) => r.id));
      return records.map((r) => presentSummary(r, counts.get(r.id)));
    },
    async get(user, id) {
      const a = await visible(user, id);
      await store.kbArticles.addView(a.id);
      return present(user, { ...a, views: a.views + 1 });
    },
    async create(user, input, id) {
      assertMayPublishTo(user, input.siteIds);
      const name = await nameOf(user.userId);
      const now = clock();
      const record: KbArticleRecord = {
        id: id ?? deps.newId(),
        title: input.title,
        body: input.body,
        category: input.category,
        tags: [...new Set(input.tags)],
        audience: input.audience,
        status: input.status,
        siteIds: [...new Set(input.siteIds)],
        relatedIds: [...new Set(input.relatedIds)],
        version: 1,
        createdAt: now,
        updatedAt: now,
        reviewedAt: now,
        authorId: user.userId,
        authorName: name,
        updatedByName: name,
        sourceTicketId: input.sourceTicketId,
        views: 0,
      };
      await store.transaction(async (tx) => {
        await assertRelated(tx, user, record.relatedIds);
        if (record.sourceTicketId !== null) {
          const ticket = await tx.tickets.findById(record.sourceTicketId);
          if (!ticket || !seesSite(user, ticket.siteId)) throw new ServiceError('invalid_payload', 'The source ticket does not exist.');
        }
        await tx.kbArticles.create(record);
        if (record.sourceTicketId !== null) await tx.kbActivity.linkTicket(record.id, record.sourceTicketId, 'source', now);
        await audit.recordIn(tx, { id: user.userId, name }, 'kb.article.create', `article:${record.id}`, { title: record.title, audience: record.audience, status: record.status });
      });
      return present(user, record);
    },
    async update(user, id, input) {
      const name = await nameOf(user.userId);
      const now = clock();
      const { baseVersion, reviewed, ...fields } = input;
      const patch: KbArticlePatch = { ...fields, ...(fields.tags ? { tags: [...new Set(fields.tags)] } : {}) };
      const updated = await store.transaction(async (tx) => {
        const current = await tx.kbArticles.findById(id);
        if (!current) throw new ServiceError('not_found', 'No such article.');
        assertMayEdit(user, current);
        if (patch.siteIds) assertMayPublishTo(user, patch.siteIds);
        if (patch.relatedIds) await assertRelated(tx, user, patch.relatedIds, id);
        const result = await tx.kbArticles.update(id, baseVersion, patch, { at: now, name });
        if (result === undefined) throw new ServiceError('not_found', 'No such article.');
        if (result === 'conflict') throw new ServiceError('conflict', `Someone saved this article after you opened it (now version ${current.version}). Reload it and apply your change again.`);
        if (reviewed) await tx.kbArticles.markReviewed(id, now);
        await audit.recordIn(tx, { id: user.userId, name }, 'kb.article.update', `article:${id}`, { fields: Object.keys(fields), version: result.version, ...(reviewed ? { reviewed: true } : {}) });
        return result;
      });
      return present(user, updated);
    },
    async versions(user, id) {
      await visible(user, id);
      return versionDiffs(await store.kbArticles.versions(id));
    },
    async feedback(user, id, feedback) {
      const a = await visible(user, id);
      await store.kbActivity.addFeedback({ id: deps.newId(), articleId: a.id, at: clock(), helpful: feedback.helpful, comment: feedback.comment, source: 'technician', name: await nameOf(user.userId), deviceId: null, userId: user.userId });
      return present(user, a);
    },
    async addImage(user, id, bytes) {
      const a = await visible(user, id);
      assertMayEdit(user, a);
      const now = clock();
      const refund = await deps.uploads.reserve({ kind: 'user', id: user.userId }, bytes.length, now);
      let meta;
      try {
        meta = await deps.images.save(bytes, { id: deps.newId(), articleId: a.id, now });
      } catch (err) {
        // Refused (not an image, too large) or not written (disk full): nothing was stored.
        await refund();
        throw err;
      }
      await store.kbActivity.addAttachment(meta);
      await audit.record({ id: user.userId, name: await nameOf(user.userId) }, 'kb.image.add', `article:${a.id}`, { imageId: meta.id, bytes: meta.bytes });
      const path = `/api/v1/kb/articles/${a.id}/attachments/${meta.id}`;
      return { id: meta.id, path, markdown: `![image](${path})` };
    },
    async image(user, articleId, imageId) {
      await visible(user, articleId);
      const meta = await store.kbActivity.findAttachment(articleId, imageId);
      if (!meta) throw new ServiceError('not_found', 'No such image.');
      const bytes = await deps.images.read(meta.storagePath).catch(() => {
        throw new ServiceError('not_found', 'The image file is missing.');
      });
      return { meta, bytes };
    },
  };
}
