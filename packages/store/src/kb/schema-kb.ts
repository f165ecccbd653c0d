import type { EpochMs } from '../schema.js';

// The knowledge base's tables as Kysely sees them (see schema.ts for the column conventions).
// Not here: the full-text index, SQLite's kb_fts / kb_fts_vocab and PostgreSQL's kb_articles.search
// column (migration 0015). Only kb-search-sqlite.ts and kb-search-postgres.ts read them.

export interface KbArticlesTable {
  id: string;
  title: string;
  body: string;
  category: string;
  /** JSON array of tags. */
  tags: string;
  audience: string;
  status: string;
  /** JSON array of article ids. */
  related_ids: string;
  version: number;
  created_at: EpochMs;
  updated_at: EpochMs;
  reviewed_at: EpochMs;
  author_id: string | null;
  author_name: string;
  updated_by_name: string;
  source_ticket_id: string | null;
  views: number;
}

/** Per-site visibility: no row for an article means every site. */
export interface KbArticleSitesTable {
  article_id: string;
  site_id: string;
}

export interface KbArticleVersionsTable {
  article_id: string;
  version: number;
  at: EpochMs;
  author_name: string;
  title: string;
  body: string;
}

export interface KbFeedbackTable {
  id: string;
  article_id: string;
  at: EpochMs;
  /** 0/1. */
  helpful: number;
  comment: string;
  source: string;
  name: string;
  device_id: string | null;
  user_id: string | null;
}

export interface KbDeflectionsTable {
  id: string;
  article_id: string;
  device_id: string;
  site_id: string;
  subject: string;
  at: EpochMs;
}

export interface KbSearchesTable {
  id: string;
  at: EpochMs;
  /** Normalized (lower case, single spaces). */
  query: string;
  results: number;
  source: string;
}

/** Tickets an article is tied to: written from, read before asking, linked in a reply. */
export interface KbArticleTicketsTable {
  article_id: string;
  ticket_id: string;
  relation: string;
  at: EpochMs;
}

export interface KbAttachmentsTable {
  id: string;
  article_id: string;
  media_type: string;
  bytes: number;
  width: number;
  height: number;
  storage_path: string;
  sha256: string;
  created_at: EpochMs;
}

export interface KbTables {
  kb_articles: KbArticlesTable;
  kb_article_sites: KbArticleSitesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_feedback: KbFeedbackTable;
  kb_deflections: KbDeflectionsTable;
  kb_searches: KbSearchesTable;
  kb_article_tickets: KbArticleTicketsTable;
  kb_attachments: KbAttachmentsTable;
}
