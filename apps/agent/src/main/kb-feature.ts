import type { ArticleSearchPurpose } from '../common/bridge-api.js';
import { articleCard, articleView } from './article-view.js';
import type { HandlerDeps } from './ipc-handlers.js';
import type { KbPort } from './kb-port.js';
import type { WindowKind } from './windows.js';

/** Raised when the agent has no help articles (not configured, or failed to start). */
export class ArticlesUnavailableError extends Error {
  constructor() {
    super('Help articles are not available on this computer.');
    this.name = 'ArticlesUnavailableError';
  }
}

/** Suggestions in Get help are the three best; a search in Help articles shows more. */
const LIMITS: Record<ArticleSearchPurpose, number> = { suggest: 3, browse: 10 };

export type KbHandlerDeps = Pick<HandlerDeps, 'searchArticles' | 'listArticles' | 'getArticle' | 'articleSolvedIt' | 'articleFeedback'>;

/**
 * Help articles: suggestions while the employee types in Get help, and the Help articles window
 * (browse, search, read, "Was this helpful?"). Works without a hub from the copy agent-core keeps.
 */
export function createKbFeature(options: { kb: () => KbPort | null; windows: { show(kind: WindowKind, query?: Record<string, string>): unknown } }) {
  const required = (): KbPort => {
    const kb = options.kb();
    if (!kb) throw new ArticlesUnavailableError();
    return kb;
  };
  const handlers: KbHandlerDeps = {
    searchArticles: async (query, purpose) => {
      const kb = options.kb();
      if (!kb) return { articles: [], offline: true };
      // Only a settled search in Help articles counts toward the help desk's "searches with no result".
      const found = await kb.search(query, LIMITS[purpose], purpose === 'browse' && query.trim().length >= 3);
      return { articles: found.articles.map(articleCard), offline: found.offline };
    },
    listArticles: async () => {
      const kb = options.kb();
      if (!kb) return { articles: [], offline: true, syncedAt: null };
      const library = await kb.library();
      return { articles: library.articles.map(articleCard), offline: library.offline, syncedAt: library.syncedAt };
    },
    getArticle: async (articleId) => {
      const found = await options.kb()?.article(articleId);
      return found ? articleView(found) : null;
    },
    articleSolvedIt: (articleId, subject) => required().deflect(articleId, subject),
    articleFeedback: (articleId, helpful, comment) => required().feedback(articleId, helpful, comment),
  };
  return { handlers, openHelpArticles: () => options.windows.show('help-articles') };
}
