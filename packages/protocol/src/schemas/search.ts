import { z } from 'zod';

/** What the console's global search looks for. */
export const SearchKindSchema = z.enum(['device', 'ticket', 'alert', 'user', 'software', 'article']);
export type SearchKind = z.infer<typeof SearchKindSchema>;

/** `GET /api/v1/search?q=&limit=`: 1–100 characters of text; up to `limit` results (default 20, max 50). */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/**
 * One search hit. `id` addresses the record of its kind (device id, ticket id, alert id, user id,
 * software name, article id); `title` is what to show; `subtitle` why it matched or what it is;
 * `href` the console route (hash path, no `#`) that opens it; `score` orders the answer (higher first).
 */
export const SearchResultSchema = z.object({
  kind: SearchKindSchema,
  id: z.string().min(1).max(512),
  title: z.string().max(512),
  subtitle: z.string().max(512).optional(),
  /** The field the query matched (hostname, serial, ip, subject, …). */
  matched: z.string().max(64).optional(),
  href: z.string().max(1024),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
