import type { SearchResult } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { SearchProvider } from '../search/search-provider.js';
import { technicianFilter } from './kb-access.js';

/**
 * Knowledge base articles in the global search (`kind: article`), ranked by the knowledge base's
 * own search (bm25, prefixes, typos); scores mapped to 40–90 so the best article sits among good
 * matches of other kinds without drowning an exact hostname or ticket number.
 */
export function articleSearchProvider(store: Pick<Store, 'kbArticles'>): SearchProvider {
  return {
    kind: 'article',
    permission: 'kb.read',
    async search({ who, raw, limit }): Promise<SearchResult[]> {
      const hits = await store.kbArticles.search(raw, technicianFilter(who), limit);
      const top = hits[0]?.score ?? 1;
      return hits.map((h) => ({
        kind: 'article',
        id: h.article.id,
        title: h.article.title,
        subtitle: [h.article.category, h.article.status === 'draft' ? 'draft' : null, h.article.audience === 'technicians' ? 'technicians only' : null].filter(Boolean).join(' · '),
        matched: 'text',
        href: `/kb/${encodeURIComponent(h.article.id)}`,
        score: 40 + 50 * (top > 0 ? Math.max(0, h.score) / top : 0),
      }));
    },
  };
}
