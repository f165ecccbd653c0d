import { fail, KB_LIMITS, ok, type Ack, type AgentKbDeflect, type AgentKbFeedback, type EmployeeArticle, type KbKnown, type KbSyncAck } from '@deskside/protocol';
import type { KbArticleRecord, Repositories } from '@deskside/store';
import { employeeFilter } from './kb-access.js';
import type { KbDeps } from './kb-deps.js';
import { presentEmployeeArticle } from './kb-presenters.js';
import { logSearch } from './kb-search-log.js';

/**
 * The employees' side, for the tray through the agent protocol: the device's site decides which
 * published employee articles it sees. Writes (`…In`) run inside the caller's idempotent
 * transaction, so a retried deflection or vote is stored once.
 */
export interface KbTray {
  search(deviceId: string, q: string, limit: number, log: boolean): Promise<{ articles: EmployeeArticle[] }>;
  /**
   * The offline copy, or `articles: null` when nothing changed since `since`. Given `known` (what
   * the agent holds), only new and changed articles, at most KB_LIMITS.syncReplyChars per answer.
   */
  sync(deviceId: string, since: string | null, known?: readonly KbKnown[]): Promise<KbSyncAck>;
  deflectIn(tx: Repositories, deviceId: string, payload: AgentKbDeflect, receivedAt: Date): Promise<Ack<{ articleId: string }>>;
  feedbackIn(tx: Repositories, deviceId: string, payload: AgentKbFeedback, receivedAt: Date): Promise<Ack<{ articleId: string }>>;
  /** Ties the articles an employee read to the ticket they sent anyway (unknown or hidden ones are skipped). */
  linkReadIn(tx: Repositories, deviceId: string, ticketId: string, articleIds: readonly string[], at: Date): Promise<void>;
}

export function createKbTray(deps: KbDeps): KbTray {
  const { store } = deps;
  const siteOf = async (tx: Pick<Repositories, 'devices'>, deviceId: string): Promise<string | undefined> => (await tx.devices.findById(deviceId))?.siteId;
  const readable = async (tx: Repositories, deviceId: string, articleId: string): Promise<{ article: KbArticleRecord; siteId: string } | undefined> => {
    const siteId = await siteOf(tx, deviceId);
    if (siteId === undefined) return undefined;
    const [found] = await tx.kbArticles.findMany([articleId]);
    if (!found || found.status !== 'published' || found.audience !== 'employees') return undefined;
    if (found.siteIds.length > 0 && !found.siteIds.includes(siteId)) return undefined;
    return { article: found, siteId };
  };
  return {
    async search(deviceId, q, limit, log) {
      const siteId = await siteOf(store, deviceId);
      if (siteId === undefined || q.trim() === '') return { articles: [] };
      const hits = await store.kbArticles.search(q, employeeFilter(siteId), limit);
      if (log) await logSearch(deps, q, hits.length, 'tray');
      return { articles: hits.map((h) => presentEmployeeArticle(h.article)) };
    },
    async sync(deviceId, since, known) {
      const siteId = await siteOf(store, deviceId);
      if (siteId === undefined) return { stamp: 'none', articles: [] };
      const filter = employeeFilter(siteId);
      const stamp = await store.kbArticles.stamp(filter);
      if (since === stamp) return { stamp, articles: null };
      const records = await store.kbArticles.list(filter, KB_LIMITS.offlineArticles);
      // Bounded: newest first until the character budget is spent.
      let chars = 0;
      const selected: KbArticleRecord[] = [];
      for (const r of records) {
        chars += r.title.length + r.body.length;
        if (chars > KB_LIMITS.offlineChars) break;
        selected.push(r);
      }
      if (!known) return { stamp, articles: selected.map(presentEmployeeArticle) };
      const held = new Map(known.map((k) => [k.id, k.updatedAt]));
      const changed = selected.filter((r) => held.get(r.id) !== r.updatedAt.toISOString());
      let replyChars = 0;
      const articles: EmployeeArticle[] = [];
      for (const r of changed) {
        replyChars += r.title.length + r.body.length;
        // Always at least one, so a single large article still travels.
        if (articles.length > 0 && replyChars > KB_LIMITS.syncReplyChars) break;
        articles.push(presentEmployeeArticle(r));
      }
      return { stamp, articles, ids: selected.map((r) => r.id), more: articles.length < changed.length };
    },
    async deflectIn(tx, deviceId, payload, receivedAt) {
      const found = await readable(tx, deviceId, payload.articleId);
      if (!found) return fail('not_found', 'kb:deflect: no such article');
      await tx.kbActivity.addDeflection({ id: payload.id, articleId: found.article.id, deviceId, siteId: found.siteId, subject: payload.subject, at: receivedAt });
      return ok({ articleId: found.article.id });
    },
    async feedbackIn(tx, deviceId, payload, receivedAt) {
      const found = await readable(tx, deviceId, payload.articleId);
      if (!found) return fail('not_found', 'kb:feedback: no such article');
      const device = await tx.devices.findById(deviceId);
      await tx.kbActivity.addFeedback({
        id: payload.id,
        articleId: found.article.id,
        at: receivedAt,
        helpful: payload.helpful,
        comment: payload.comment,
        source: 'employee',
        name: device ? `Employee at ${device.hostname}` : 'Employee',
        deviceId,
        userId: null,
      });
      return ok({ articleId: found.article.id });
    },
    async linkReadIn(tx, deviceId, ticketId, articleIds, at) {
      for (const id of articleIds.slice(0, KB_LIMITS.articlesRead)) {
        if (await readable(tx, deviceId, id)) await tx.kbActivity.linkTicket(id, ticketId, 'read-before-asking', at);
      }
    },
  };
}
