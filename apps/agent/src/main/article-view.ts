import type { EmployeeArticle } from '@deskside/protocol';
import type { ArticleCardView, ArticleView } from '../common/bridge-api.js';

const EXCERPT_CHARS = 160;

/** An article as the window reads it (a copy: the renderer never holds agent-core's objects). */
export function articleView(a: EmployeeArticle): ArticleView {
  return { id: a.id, title: a.title, body: a.body, category: a.category, tags: [...a.tags], updatedAt: a.updatedAt };
}

export function articleCard(a: EmployeeArticle): ArticleCardView {
  return { id: a.id, title: a.title, category: a.category, excerpt: excerptOf(a.body, EXCERPT_CHARS), updatedAt: a.updatedAt };
}

/** Plain text from the start of a Markdown body: code, HTML, images and link targets dropped, whitespace folded. */
export function excerptOf(markdown: string, max: number): string {
  const plain = markdown
    .slice(0, 4 * max + 2000)
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]{0,200}>?/g, ' ')
    .replace(/!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g, ' ')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    // Block markers at a line's start (headings, quotes, bullets, table rules), then emphasis marks.
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d{1,9}[.)]|\|?[ :|-]*-[ :|-]*\|?$)[ \t]*/gm, '')
    .replace(/[*`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
