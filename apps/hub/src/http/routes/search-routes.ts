import { SearchQuerySchema, type SearchResponse } from '@deskside/protocol';
import type { SearchService } from '../../services/search/search-service.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

/** `GET /api/v1/search?q=&limit=`: ranked devices, tickets, alerts, people and software. */
export function searchRoutes(search: SearchService): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/search',
      permission: 'search.read',
      async handler(ctx) {
        const query = parseWith(SearchQuerySchema, queryObject(ctx.query), 'search query');
        return { json: { results: await search.search(requireUser(ctx), query) } satisfies SearchResponse };
      },
    },
  ];
}
