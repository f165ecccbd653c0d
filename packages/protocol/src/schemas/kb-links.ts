/**
 * What an article's Markdown may link to and show, shared by every renderer (console and tray):
 * links only `https:` and `mailto:` (and in-article `#anchors`), images only the hub's own article
 * attachments. Anything else renders as plain text.
 */

/** The path of an article image on the hub: `/api/v1/kb/articles/<id>/attachments/<id>`. */
export const KB_ATTACHMENT_PATH = /^\/api\/v1\/kb\/articles\/[0-9A-Za-z_-]{1,64}\/attachments\/[0-9A-Za-z_-]{1,64}$/;

/** The href to render for a Markdown link, or undefined (render its text only). */
export function safeArticleHref(href: string | null | undefined): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  if (/^#[\w-]{1,128}$/.test(trimmed)) return trimmed;
  if (/^mailto:[^<>"]+@[^<>"]+$/i.test(trimmed)) return trimmed;
  // https://host[:port][/path?query#fragment], no credentials, no odd characters in the host.
  const match = /^https:\/\/([A-Za-z0-9.-]{1,253})(:\d{1,5})?([/?#][^<>"\\^`{|}]*)?$/i.exec(trimmed);
  return match ? trimmed : undefined;
}

/** The src to render for a Markdown image, or undefined (show its alt text only). */
export function safeArticleImageSrc(src: string | null | undefined): string | undefined {
  if (typeof src !== 'string') return undefined;
  return KB_ATTACHMENT_PATH.test(src) ? src : undefined;
}

/**
 * What a technician inserts into a reply to point at an article: employee articles are found in
 * the tray's Help articles window (the employee has no console); technician ones by console link.
 */
export function articleReplyText(consoleOrigin: string, article: { id: string; title: string; audience: 'employees' | 'technicians' }): string {
  // eslint-disable-next-line no-control-regex
  const title = article.title.replace(/[\u0000-\u001f"]/g, '').slice(0, 200);
  if (article.audience === 'employees') return `Help article: "${title}" (in the Deskside tray, open Help articles and search for it).`;
  return `Article: "${title}" ${consoleOrigin.replace(/\/$/, '')}/#/kb/${encodeURIComponent(article.id)}`;
}

/** The HTML elements an article may become (anything else is unwrapped to its text). No raw HTML ever. */
export const ARTICLE_ELEMENTS: readonly string[] = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/** Characters of an article body a renderer parses; the rest is cut with a note (bounds the work). */
export const ARTICLE_RENDER_CHARS = 200_000;

/** A Markdown renderer's URL hook: hrefs and image sources through the policies above, anything else dropped. */
export function articleUrlTransform(url: string, key: string): string {
  if (key === 'href') return safeArticleHref(url) ?? '';
  if (key === 'src') return safeArticleImageSrc(url) ?? '';
  return '';
}
