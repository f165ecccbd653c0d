import {
  ArticleDraftSchema,
  ArticleListResponseSchema,
  ArticleSchema,
  ArticleVersionListResponseSchema,
  KbImageSchema,
  KbReportSchema,
  OkResponseSchema,
  TicketKbSchema,
  type Article,
  type ArticleCreate,
  type ArticleDraft,
  type ArticleFeedback,
  type ArticleListQuery,
  type ArticleSummary,
  type ArticleUpdate,
  type ArticleVersion,
  type KbImage,
  type KbReport,
  type KbReportQuery,
  type TicketKb,
} from '@deskside/protocol';
import type { ApiRequest } from './alerts-api.js';
import type { BlobRequest } from './tickets-api.js';

/** Uploads raw bytes with the bearer header; answers the parsed JSON. */
export type UploadRequest = <T>(path: string, body: Blob, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) => Promise<T>;

/** The knowledge base over the hub's HTTP API. */
export interface KbApi {
  listArticles(query?: Partial<ArticleListQuery>): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<Article>;
  createArticle(body: Partial<ArticleCreate> & Pick<ArticleCreate, 'title' | 'body' | 'audience' | 'status'>): Promise<Article>;
  updateArticle(id: string, patch: ArticleUpdate): Promise<Article>;
  articleVersions(id: string): Promise<ArticleVersion[]>;
  articleFeedback(id: string, feedback: ArticleFeedback): Promise<Article>;
  uploadArticleImage(id: string, image: Blob): Promise<KbImage>;
  /** An article image (a hub path that passed the link policy) as a checked blob. */
  articleImage(path: string): Promise<Blob>;
  kbReport(query: Pick<KbReportQuery, 'from' | 'to'> & { staleMonths?: number }): Promise<KbReport>;
  ticketKb(ticketId: string): Promise<TicketKb>;
  ticketKbDraft(ticketId: string): Promise<ArticleDraft>;
  recordKbLink(ticketId: string, articleId: string): Promise<void>;
}

export function kbEndpoints(request: ApiRequest, requestBlob: BlobRequest, upload: UploadRequest): KbApi {
  const path = (id: string, rest = '') => `/api/v1/kb/articles/${encodeURIComponent(id)}${rest}`;
  const ticket = (id: string, rest: string) => `/api/v1/tickets/${encodeURIComponent(id)}${rest}`;
  return {
    listArticles: async (query = {}) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
      const suffix = params.size > 0 ? `?${params.toString()}` : '';
      return (await request('GET', `/api/v1/kb/articles${suffix}`, ArticleListResponseSchema)).articles;
    },
    getArticle: (id) => request('GET', path(id), ArticleSchema),
    createArticle: (body) => request('POST', '/api/v1/kb/articles', ArticleSchema, body),
    updateArticle: (id, patch) => request('PATCH', path(id), ArticleSchema, patch),
    articleVersions: async (id) => (await request('GET', path(id, '/versions'), ArticleVersionListResponseSchema)).versions,
    articleFeedback: (id, feedback) => request('POST', path(id, '/feedback'), ArticleSchema, feedback),
    uploadArticleImage: (id, image) => upload(path(id, '/attachments'), image, KbImageSchema),
    articleImage: (p) => requestBlob(p),
    kbReport: (query) => {
      const params = new URLSearchParams({ from: query.from, to: query.to, ...(query.staleMonths ? { staleMonths: String(query.staleMonths) } : {}) });
      return request('GET', `/api/v1/kb/report?${params.toString()}`, KbReportSchema);
    },
    ticketKb: (id) => request('GET', ticket(id, '/kb'), TicketKbSchema),
    ticketKbDraft: (id) => request('GET', ticket(id, '/kb-draft'), ArticleDraftSchema),
    recordKbLink: async (id, articleId) => {
      await request('POST', ticket(id, '/kb-links'), OkResponseSchema, { articleId });
    },
  };
}
