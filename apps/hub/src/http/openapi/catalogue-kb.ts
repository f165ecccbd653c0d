import * as p from '@deskside/protocol';
import type { OperationCatalogue } from './operation-doc.js';

/** The knowledge base. */
export const KB_OPERATIONS: OperationCatalogue = {
  'GET /api/v1/kb/articles': { tag: 'Knowledge base', summary: 'Articles, newest first; with q: ranked search, best first (prefix and typo tolerant)', query: p.ArticleListQuerySchema, response: p.ArticleListResponseSchema },
  'POST /api/v1/kb/articles': { tag: 'Knowledge base', summary: 'Write an article (Markdown body)', body: p.ArticleCreateSchema, response: p.ArticleSchema, status: 201 },
  'GET /api/v1/kb/articles/:id': { tag: 'Knowledge base', summary: 'One article with its feedback and related articles', response: p.ArticleSchema },
  'PATCH /api/v1/kb/articles/:id': { tag: 'Knowledge base', summary: 'Change an article (409 when baseVersion is stale)', body: p.ArticleUpdateSchema, response: p.ArticleSchema },
  'GET /api/v1/kb/articles/:id/versions': { tag: 'Knowledge base', summary: 'Version history with author and diff, newest first', response: p.ArticleVersionListResponseSchema },
  'POST /api/v1/kb/articles/:id/feedback': { tag: 'Knowledge base', summary: 'Helpful or not, with a comment', body: p.ArticleFeedbackSchema, response: p.ArticleSchema },
  'POST /api/v1/kb/articles/:id/attachments': { tag: 'Knowledge base', summary: 'Add an image (PNG, JPEG or WebP bytes as the body, at most ~1.1 MB; counts against the uploader\'s daily quota, 429 past it)', response: p.KbImageSchema, status: 201 },
  'GET /api/v1/kb/articles/:id/attachments/:attachmentId': { tag: 'Knowledge base', summary: 'An article image', file: 'image/png' },
  'GET /api/v1/kb/report': { tag: 'Knowledge base', summary: 'Deflections and time saved, top articles, searches with no result, unhelpful and stale articles', query: p.KbReportQuerySchema, response: p.KbReportSchema },
  'GET /api/v1/kb/export': { tag: 'Knowledge base', summary: 'Every article you see as Markdown files with YAML front matter (a folder for git)', response: p.KbFolderSchema },
  'POST /api/v1/kb/import': { tag: 'Knowledge base', summary: 'Create or update articles from Markdown files with front matter (by id)', body: p.KbFolderSchema, response: p.KbImportResultSchema },
  'GET /api/v1/tickets/:id/kb': { tag: 'Knowledge base', summary: 'Articles suggested for a ticket and those tied to it', response: p.TicketKbSchema },
  'GET /api/v1/tickets/:id/kb-draft': { tag: 'Knowledge base', summary: 'A new article prefilled from a ticket (problem and resolution)', response: p.ArticleDraftSchema },
  'POST /api/v1/tickets/:id/kb-links': { tag: 'Knowledge base', summary: 'Record that a reply links an article', body: p.KbTicketLinkSchema, response: p.OkResponseSchema },
};
