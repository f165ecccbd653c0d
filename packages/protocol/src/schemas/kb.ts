import { z } from 'zod';
import { IdSchema, MessageIdSchema } from '../ids.js';
import { list, text, Timestamp } from './common.js';

/** Knowledge base limits: an article body is Markdown of at most 200,000 characters. */
export const KB_LIMITS = {
  bodyChars: 200_000,
  titleChars: 200,
  tags: 20,
  relatedArticles: 20,
  /** Results of one search. */
  searchResults: 50,
  /** The agent's offline copy: at most this many employee articles and this many body characters in all. */
  offlineArticles: 500,
  offlineChars: 4_000_000,
  /** Article characters in one `kb:sync` answer; past it the answer says `more` and the agent asks again. */
  syncReplyChars: 1_000_000,
  /** Articles an employee read before asking (attached to their ticket). */
  articlesRead: 10,
} as const;

export const ArticleAudienceSchema = z.enum(['employees', 'technicians']);
export type ArticleAudience = z.infer<typeof ArticleAudienceSchema>;
export const ArticleStatusSchema = z.enum(['draft', 'published']);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

const Tag = text(40).min(1).regex(/^[^\s<>"'`]+$/, 'a tag is one word without quotes or angle brackets');

/** `POST /api/v1/kb/articles`. */
export const ArticleCreateSchema = z.object({
  title: text(KB_LIMITS.titleChars).trim().min(1),
  body: text(KB_LIMITS.bodyChars),
  category: text(64).trim().min(1).default('General'),
  tags: list(Tag, KB_LIMITS.tags).default([]),
  audience: ArticleAudienceSchema,
  status: ArticleStatusSchema,
  /** Sites whose people see it; empty: every site. */
  siteIds: list(IdSchema, 100).default([]),
  relatedIds: list(IdSchema, KB_LIMITS.relatedArticles).default([]),
  /** The ticket it was written from ("Create an article from this ticket"). */
  sourceTicketId: IdSchema.nullable().default(null),
});
export type ArticleCreate = z.infer<typeof ArticleCreateSchema>;

/** `PATCH /api/v1/kb/articles/:id`: any fields, plus the version edited (a stale one answers 409). */
export const ArticleUpdateSchema = z
  .object({
    baseVersion: z.number().int().positive(),
    title: text(KB_LIMITS.titleChars).trim().min(1),
    body: text(KB_LIMITS.bodyChars),
    category: text(64).trim().min(1),
    tags: list(Tag, KB_LIMITS.tags),
    audience: ArticleAudienceSchema,
    status: ArticleStatusSchema,
    siteIds: list(IdSchema, 100),
    relatedIds: list(IdSchema, KB_LIMITS.relatedArticles),
    /** Marks the article reviewed without changing it (stale-articles report). */
    reviewed: z.literal(true),
  })
  .partial()
  .required({ baseVersion: true });
export type ArticleUpdate = z.infer<typeof ArticleUpdateSchema>;

export const ArticleRefSchema = z.object({ id: IdSchema, title: text(KB_LIMITS.titleChars) });
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

/** `POST /api/v1/kb/articles/:id/feedback` (technicians) and part of `kb:feedback` (employees). */
export const ArticleFeedbackSchema = z.object({
  helpful: z.boolean(),
  comment: text(1000).trim().default(''),
});
export type ArticleFeedback = z.infer<typeof ArticleFeedbackSchema>;

export const ArticleFeedbackEntrySchema = z.object({
  at: Timestamp,
  helpful: z.boolean(),
  comment: text(1000),
  from: z.enum(['employee', 'technician']),
  name: text(128),
});
export type ArticleFeedbackEntry = z.infer<typeof ArticleFeedbackEntrySchema>;

/** One article as technicians see it. */
export const ArticleSchema = z.object({
  id: IdSchema,
  title: text(KB_LIMITS.titleChars),
  body: text(KB_LIMITS.bodyChars),
  category: text(64),
  tags: z.array(text(40)),
  audience: ArticleAudienceSchema,
  status: ArticleStatusSchema,
  siteIds: z.array(IdSchema),
  related: z.array(ArticleRefSchema),
  version: z.number().int().positive(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  reviewedAt: Timestamp,
  authorName: text(128),
  updatedByName: text(128),
  sourceTicketId: IdSchema.nullable(),
  views: z.number().int().nonnegative(),
  helpful: z.number().int().nonnegative(),
  unhelpful: z.number().int().nonnegative(),
  deflections: z.number().int().nonnegative(),
  feedback: z.array(ArticleFeedbackEntrySchema),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A search or list hit: enough to show a result row and rank it. */
export const ArticleSummarySchema = z.object({
  id: IdSchema,
  title: text(KB_LIMITS.titleChars),
  excerpt: text(400),
  category: text(64),
  tags: z.array(text(40)),
  audience: ArticleAudienceSchema,
  status: ArticleStatusSchema,
  updatedAt: Timestamp,
  helpful: z.number().int().nonnegative(),
  unhelpful: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleListQuerySchema = z.object({
  q: text(200).optional(),
  audience: ArticleAudienceSchema.optional(),
  status: ArticleStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(KB_LIMITS.searchResults).default(KB_LIMITS.searchResults),
  /** Set by the console's search box (typed, debounced): counts toward "searches with no result". */
  log: z.enum(['1']).optional(),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;

export const ArticleVersionSchema = z.object({
  version: z.number().int().positive(),
  at: Timestamp,
  authorName: text(128),
  title: text(KB_LIMITS.titleChars),
  /** Unified diff against the version before (the first version: against nothing). */
  diff: z.string(),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

// ---- the tray (agent protocol) ----------------------------------------------------------------

/** An employee article as the tray shows and caches it. */
export const EmployeeArticleSchema = z.object({
  id: IdSchema,
  title: text(KB_LIMITS.titleChars),
  body: text(KB_LIMITS.bodyChars),
  category: text(64),
  tags: z.array(text(40)),
  updatedAt: Timestamp,
});
export type EmployeeArticle = z.infer<typeof EmployeeArticleSchema>;

/** `kb:search` (agent → hub, a read): the subject as the employee types it. */
export const AgentKbSearchSchema = z.object({ q: text(200), limit: z.number().int().min(1).max(10).default(3), log: z.boolean().default(false) });
export type AgentKbSearch = z.infer<typeof AgentKbSearchSchema>;

/** One article the agent's offline copy holds, at the version it holds. */
export const KbKnownSchema = z.object({ id: IdSchema, updatedAt: Timestamp });
export type KbKnown = z.infer<typeof KbKnownSchema>;

/**
 * `kb:sync` (agent → hub, a read): the offline copy, only when it changed since `since`. With
 * `known` (what the copy holds) the answer is incremental: only new and changed articles, plus
 * `ids`, the whole current set, so the agent drops what is no longer in it.
 */
export const AgentKbSyncSchema = z.object({ since: text(64).nullable(), known: z.array(KbKnownSchema).max(KB_LIMITS.offlineArticles).optional() });
export type AgentKbSync = z.infer<typeof AgentKbSyncSchema>;
export const KbSyncAckSchema = z.object({
  /** Opaque: hand it back as `since`. */
  stamp: text(64),
  /** `null`: nothing changed since `since`. */
  articles: z.array(EmployeeArticleSchema).max(KB_LIMITS.offlineArticles).nullable(),
  /** Answers with `known`: every id of the current offline set, newest first. */
  ids: z.array(IdSchema).max(KB_LIMITS.offlineArticles).optional(),
  /** Answers with `known`: more changed articles than one answer carries; sync again (not with this stamp). */
  more: z.boolean().optional(),
});
export type KbSyncAck = z.infer<typeof KbSyncAckSchema>;

/**
 * `kb:deflect` (agent → hub, a write): "This solved it" — the request ends without a ticket.
 * `id` is the client-generated idempotency key, like every agent write.
 */
export const AgentKbDeflectSchema = z.object({
  id: MessageIdSchema,
  articleId: IdSchema,
  subject: text(200),
  at: Timestamp,
});
export type AgentKbDeflect = z.infer<typeof AgentKbDeflectSchema>;

/** `kb:feedback` (agent → hub, a write): helpful or not, from the Help articles window. */
export const AgentKbFeedbackSchema = ArticleFeedbackSchema.extend({ id: MessageIdSchema, articleId: IdSchema, at: Timestamp });
export type AgentKbFeedback = z.infer<typeof AgentKbFeedbackSchema>;

/** `POST /api/v1/tickets/:id/kb-links`: a technician put a link to this article in a reply. */
export const KbTicketLinkSchema = z.object({ articleId: IdSchema });
export type KbTicketLink = z.infer<typeof KbTicketLinkSchema>;

/** `GET /api/v1/tickets/:id/kb-draft`: a new article's fields prefilled from a ticket. */
export const ArticleDraftSchema = z.object({ title: text(KB_LIMITS.titleChars), body: z.string(), sourceTicketId: IdSchema });
export type ArticleDraft = z.infer<typeof ArticleDraftSchema>;

/** `GET /api/v1/tickets/:id/kb`: articles suggested for a ticket, and those already tied to it. */
export const TicketKbSchema = z.object({
  suggested: z.array(ArticleSummarySchema),
  linked: z.array(ArticleSummarySchema.extend({ relation: z.enum(['source', 'read-before-asking', 'linked-in-reply']) })),
});
export type TicketKb = z.infer<typeof TicketKbSchema>;

export const ArticleListResponseSchema = z.object({ articles: z.array(ArticleSummarySchema) });
export type ArticleListResponse = z.infer<typeof ArticleListResponseSchema>;
export const ArticleVersionListResponseSchema = z.object({ versions: z.array(ArticleVersionSchema) });
export type ArticleVersionListResponse = z.infer<typeof ArticleVersionListResponseSchema>;
/** `POST /api/v1/kb/articles/:id/attachments`: the stored image and the Markdown that shows it. */
export const KbImageSchema = z.object({ id: IdSchema, path: text(200), markdown: text(300) });
export type KbImage = z.infer<typeof KbImageSchema>;

/** One Markdown file of a knowledge base folder: front matter (id, title, category, tags, audience, status, sites, related) and the body. */
export const KbFileSchema = z.object({
  /** `category/slug--id.md`, forward slashes, no `..`: every dot is followed by a non-dot (no
   * lookahead, so property tests can generate matching paths). */
  path: text(300).regex(/^(?:[\w\- /]|\.[\w\- /])+\.md$/, 'a relative .md path'),
  content: z.string().max(KB_LIMITS.bodyChars + 4000),
});
export type KbFile = z.infer<typeof KbFileSchema>;
/** `GET /api/v1/kb/export` and `POST /api/v1/kb/import`. */
export const KbFolderSchema = z.object({ files: z.array(KbFileSchema).max(2000) });
export type KbFolder = z.infer<typeof KbFolderSchema>;
export const KbImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type KbImportResult = z.infer<typeof KbImportResultSchema>;
