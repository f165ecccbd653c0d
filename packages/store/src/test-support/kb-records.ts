// Test support only: knowledge base records.
import type { KbArticleRecord } from '../kb/kb-types.js';

let n = 0;

/** A published employee article, every site, with the given fields. */
export function anArticle(fields: Partial<KbArticleRecord> = {}): KbArticleRecord {
  n += 1;
  const at = fields.updatedAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, n));
  return {
    id: `01KBART${String(n).padStart(19, '0')}`,
    title: `Article ${n}`,
    body: 'Body',
    category: 'General',
    tags: [],
    audience: 'employees',
    status: 'published',
    siteIds: [],
    relatedIds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    reviewedAt: at,
    authorId: null,
    authorName: 'Ada Tech',
    updatedByName: 'Ada Tech',
    sourceTicketId: null,
    views: 0,
    ...fields,
  };
}
