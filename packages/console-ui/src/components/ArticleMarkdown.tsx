import { ARTICLE_ELEMENTS, ARTICLE_RENDER_CHARS, articleUrlTransform, safeArticleImageSrc } from '@deskside/protocol';
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ArticleImage } from './ArticleImage.js';

export interface ArticleMarkdownProps {
  body: string;
  /** Fetches a hub image with the session (absent: images show their description only). */
  loadImage?: (path: string) => Promise<Blob>;
}

/**
 * An article body rendered by react-markdown into React elements: raw HTML is dropped (no
 * rehype-raw, skipHtml), only ARTICLE_ELEMENTS survive, links go through the https:/mailto: policy
 * (others become plain text) and open in a new tab without opener, images only from the hub's
 * article attachments, fetched with the bearer header. The body is cut at ARTICLE_RENDER_CHARS.
 */
export function ArticleMarkdown({ body, loadImage }: ArticleMarkdownProps) {
  const cut = body.length > ARTICLE_RENDER_CHARS;
  const components: Components = {
    a: ({ href, children }) => link(href, children),
    img: ({ src, alt }) => {
      const safe = typeof src === 'string' ? safeArticleImageSrc(src) : undefined;
      if (!safe || !loadImage) return <span className="article-image-missing">[image{alt ? `: ${alt}` : ''}]</span>;
      return <ArticleImage path={safe} alt={alt ?? ''} load={loadImage} />;
    },
    table: ({ children }) => (
      <div className="article-table-wrap">
        <table>{children}</table>
      </div>
    ),
  };
  return (
    <div className="article-body" data-testid="article-body">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml allowedElements={ARTICLE_ELEMENTS} unwrapDisallowed urlTransform={articleUrlTransform} components={components}>
        {cut ? body.slice(0, ARTICLE_RENDER_CHARS) : body}
      </Markdown>
      {cut && <p className="muted">(The article is too long to show in full here.)</p>}
    </div>
  );
}

function link(href: string | undefined, children: ReactNode) {
  if (!href) return <span className="article-link-dropped">{children}</span>;
  if (href.startsWith('#')) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
