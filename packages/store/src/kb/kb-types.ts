import type { ArticleAudience, ArticleStatus } from '@deskside/protocol';

export interface KbArticleRecord {
  id: string;
  title: string;
  /** Markdown. */
  body: string;
  category: string;
  tags: string[];
  audience: ArticleAudience;
  status: ArticleStatus;
  /** Sites whose people see it; empty: every site. */
  siteIds: string[];
  relatedIds: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Last time someone wrote or reviewed it (stale-articles report). */
  reviewedAt: Date;
  authorId: string | null;
  authorName: string;
  updatedByName: string;
  sourceTicketId: string | null;
  views: number;
}

/** Which articles a reader may see. Every field left out means no restriction. */
export interface KbFilter {
  audiences?: readonly ArticleAudience[];
  statuses?: readonly ArticleStatus[];
  /** The reader's sites: an article limited to other sites is left out. */
  siteIds?: readonly string[];
}

export interface KbSearchHit {
  article: KbArticleRecord;
  /** Higher is better (negated bm25). */
  score: number;
}

export type KbArticlePatch = Partial<Pick<KbArticleRecord, 'title' | 'body' | 'category' | 'tags' | 'audience' | 'status' | 'siteIds' | 'relatedIds'>>;

export interface KbVersionRecord {
  version: number;
  at: Date;
  authorName: string;
  title: string;
  body: string;
}

export interface KbArticleRepository {
  /** Inserts the article and its version 1. */
  create(article: KbArticleRecord): Promise<void>;
  /**
   * Applies `patch` if the article is still at `baseVersion`; a title or body change adds a version.
   * Answers the article as it now is, `conflict` (someone saved first) or undefined (no such article).
   */
  update(id: string, baseVersion: number, patch: KbArticlePatch, by: { at: Date; name: string }): Promise<KbArticleRecord | 'conflict' | undefined>;
  markReviewed(id: string, at: Date): Promise<void>;
  findById(id: string): Promise<KbArticleRecord | undefined>;
  /** Unknown ids are left out. */
  findMany(ids: readonly string[]): Promise<KbArticleRecord[]>;
  /** Most recently updated first. */
  list(filter: KbFilter, limit: number): Promise<KbArticleRecord[]>;
  /** Ranked, best first: prefix matches, typo-corrected words, title and tags weigh more than the body. */
  search(query: string, filter: KbFilter, limit: number): Promise<KbSearchHit[]>;
  /** Oldest first. */
  versions(id: string): Promise<KbVersionRecord[]>;
  addView(id: string): Promise<void>;
  /** A stamp that changes whenever the set of articles matching `filter` may have changed. */
  stamp(filter: KbFilter): Promise<string>;
  /** Published articles not reviewed since `before`, oldest review first. */
  stale(before: Date, limit: number): Promise<KbArticleRecord[]>;
}

export interface KbFeedbackRecord {
  id: string;
  articleId: string;
  at: Date;
  helpful: boolean;
  comment: string;
  source: 'employee' | 'technician';
  name: string;
  deviceId: string | null;
  userId: string | null;
}

export interface KbDeflectionRecord {
  id: string;
  articleId: string;
  deviceId: string;
  siteId: string;
  subject: string;
  at: Date;
}

export interface KbSearchLogRecord {
  id: string;
  at: Date;
  query: string;
  results: number;
  source: 'console' | 'tray';
}

export type KbTicketRelation = 'source' | 'read-before-asking' | 'linked-in-reply';

export interface KbAttachmentRecord {
  id: string;
  articleId: string;
  mediaType: string;
  bytes: number;
  width: number;
  height: number;
  storagePath: string;
  sha256: string;
  createdAt: Date;
}

export interface KbArticleCounts {
  helpful: number;
  unhelpful: number;
  deflections: number;
}

export interface KbActivityRepository {
  addFeedback(feedback: KbFeedbackRecord): Promise<void>;
  /** Newest first. */
  feedback(articleId: string, limit: number): Promise<KbFeedbackRecord[]>;
  /** Feedback and deflection counts per article (articles without any: zeros). */
  counts(articleIds: readonly string[]): Promise<Map<string, KbArticleCounts>>;
  addDeflection(deflection: KbDeflectionRecord): Promise<void>;
  deflectionsBetween(from: Date, to: Date): Promise<number>;
  logSearch(search: KbSearchLogRecord): Promise<void>;
  /** Searches that found nothing, most frequent first. */
  noResultSearches(from: Date, to: Date, limit: number): Promise<Array<{ query: string; count: number; lastAt: Date }>>;
  /** Articles by deflections then helpful votes in the period. */
  topArticles(from: Date, to: Date, limit: number): Promise<Array<{ articleId: string; deflections: number; helpful: number; unhelpful: number }>>;
  /** Articles with more unhelpful than helpful votes (at least one), worst first. */
  unhelpful(limit: number): Promise<Array<{ articleId: string; helpful: number; unhelpful: number; lastComment: string | null }>>;
  /** Idempotent. */
  linkTicket(articleId: string, ticketId: string, relation: KbTicketRelation, at: Date): Promise<void>;
  ticketLinks(ticketId: string): Promise<Array<{ articleId: string; relation: KbTicketRelation }>>;
  /** Tickets tied to any of these articles. */
  ticketsOfArticles(articleIds: readonly string[]): Promise<string[]>;
  addAttachment(attachment: KbAttachmentRecord): Promise<void>;
  findAttachment(articleId: string, id: string): Promise<KbAttachmentRecord | undefined>;
}

export interface KbRepositories {
  readonly kbArticles: KbArticleRepository;
  readonly kbActivity: KbActivityRepository;
}
