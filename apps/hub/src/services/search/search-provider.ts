import type { SearchKind, SearchResult } from '@deskside/protocol';
import type { AuthenticatedUser } from '../auth/session.js';

/** What every provider gets: who asks (for site scope and permissions), the query, a budget. */
export interface SearchRequest {
  who: AuthenticatedUser;
  /** Trimmed, lower-cased query. */
  q: string;
  /** The query as typed (trimmed), for exact look-ups such as ticket numbers. */
  raw: string;
  /** Site filter: undefined = every site. */
  siteIds: readonly string[] | undefined;
  limit: number;
}

/**
 * One kind of search result. The service asks every provider the caller may use and merges their
 * ranked answers; adding a kind (knowledge-base articles) is adding one provider.
 */
export interface SearchProvider {
  kind: SearchKind;
  /** The permission (services/access/permissions.ts) the caller needs for this kind. */
  permission: string;
  search(request: SearchRequest): Promise<SearchResult[]>;
}
