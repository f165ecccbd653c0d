import type { Article, ArticleFeedbackEntry, ArticleRef, ArticleSummary, EmployeeArticle } from '@deskside/protocol';
import type { KbArticleCounts, KbArticleRecord, KbFeedbackRecord } from '@deskside/store';

const NO_COUNTS: KbArticleCounts = { helpful: 0, unhelpful: 0, deflections: 0 };

export function presentArticle(a: KbArticleRecord, counts: KbArticleCounts | undefined, feedback: readonly KbFeedbackRecord[], related: readonly ArticleRef[]): Article {
  const c = counts ?? NO_COUNTS;
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    category: a.category,
    tags: a.tags,
    audience: a.audience,
    status: a.status,
    siteIds: a.siteIds,
    related: [...related],
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    reviewedAt: a.reviewedAt.toISOString(),
    authorName: a.authorName,
    updatedByName: a.updatedByName,
    sourceTicketId: a.sourceTicketId,
    views: a.views,
    helpful: c.helpful,
    unhelpful: c.unhelpful,
    deflections: c.deflections,
    feedback: feedback.map(presentFeedback),
  };
}

export function presentFeedback(f: KbFeedbackRecord): ArticleFeedbackEntry {
  return { at: f.at.toISOString(), helpful: f.helpful, comment: f.comment, from: f.source, name: f.name };
}

export function presentSummary(a: KbArticleRecord, counts: KbArticleCounts | undefined): ArticleSummary {
  const c = counts ?? NO_COUNTS;
  return {
    id: a.id,
    title: a.title,
    excerpt: excerpt(a.body, 200),
    category: a.category,
    tags: a.tags,
    audience: a.audience,
    status: a.status,
    updatedAt: a.updatedAt.toISOString(),
    helpful: c.helpful,
    unhelpful: c.unhelpful,
  };
}

export function presentEmployeeArticle(a: KbArticleRecord): EmployeeArticle {
  return { id: a.id, title: a.title, body: a.body, category: a.category, tags: a.tags, updatedAt: a.updatedAt.toISOString() };
}

/** Plain text from the start of a Markdown body: markup, links' targets and HTML dropped, whitespace folded. */
export function excerpt(markdown: string, max: number): string {
  const plain = markdown
    .slice(0, 4 * max + 2000)
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|[\]-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
