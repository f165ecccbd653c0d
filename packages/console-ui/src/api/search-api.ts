import { SearchResponseSchema, type SearchResult } from '@deskside/protocol';
import type { ApiRequest } from './alerts-api.js';

/** The hub's one search over devices, tickets, alerts, users, software (and articles). */
export interface SearchApi {
  search(q: string, limit?: number): Promise<SearchResult[]>;
}

/** The search endpoint, on the HTTP client's request function. */
export function searchEndpoints(request: ApiRequest): SearchApi {
  return {
    search: async (q, limit = 20) => {
      const params = new URLSearchParams({ q, limit: String(limit) });
      return (await request('GET', `/api/v1/search?${params.toString()}`, SearchResponseSchema)).results;
    },
  };
}
