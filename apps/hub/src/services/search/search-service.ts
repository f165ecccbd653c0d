import type { SearchQuery, SearchResult } from '@deskside/protocol';
import { can } from '../access/permissions.js';
import { siteFilter } from '../access/site-scope.js';
import { scopesAllow } from '../access/token-scopes.js';
import type { AuthenticatedUser } from '../auth/session.js';
import type { SearchProvider } from './search-provider.js';

export interface SearchService {
  /** Ranked results of every kind the caller may see, best first, at most `limit`. */
  search(who: AuthenticatedUser, query: SearchQuery): Promise<SearchResult[]>;
}

/**
 * The global search: asks each provider (in parallel) for up to `limit` hits of its kind, then
 * ranks them all by score. Kinds the caller (and an API token's scopes) may not read are never asked; a provider
 * that fails leaves its kind out rather than failing the whole answer.
 */
export function createSearchService(providers: readonly SearchProvider[], onError: (kind: string, error: unknown) => void): SearchService {
  return {
    async search(who, { q, limit }) {
      const raw = q.trim();
      const request = { who, q: raw.toLowerCase(), raw, siteIds: siteFilter(who), limit };
      const answers = await Promise.all(
        providers
          .filter((p) => can(who, p.permission) && (who.apiToken === undefined || scopesAllow(who.apiToken.scopes, p.permission)))
          .map((p) =>
            p.search(request).catch((error: unknown) => {
              onError(p.kind, error);
              return [];
            }),
          ),
      );
      return answers
        .flat()
        .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
        .slice(0, limit);
    },
  };
}
