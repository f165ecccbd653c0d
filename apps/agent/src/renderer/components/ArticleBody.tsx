import { ARTICLE_ELEMENTS, ARTICLE_RENDER_CHARS, articleUrlTransform } from '@deskside/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * An article body rendered by react-markdown into React elements, with the console's policy
 * (ARTICLE_ELEMENTS, https:/mailto: links only): raw HTML is dropped (skipHtml, no rehype-raw),
 * anything else is unwrapped to its text. Links open outside the app (main's window-open handler
 * lets only https: through). Images are never loaded here — the tray has no session with the hub
 * and works offline — so an image shows as its description. The body is cut at ARTICLE_RENDER_CHARS.
 */
export function ArticleBody({ body }: { body: string }) {
  const { t } = useTranslation();
  const cut = body.length > ARTICLE_RENDER_CHARS;
  const components: Components = {
    a: ({ href, children }) => link(href, children),
    img: ({ alt }) => <span className="article-image">{alt ? t('articles.image', { alt: alt.slice(0, 200) }) : t('articles.imageNoAlt')}</span>,
    table: ({ children }) => (
      <div className="article-table">
        <table>{children}</table>
      </div>
    ),
  };
  return (
    <div className="article-body" data-testid="article-body">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml allowedElements={ARTICLE_ELEMENTS} unwrapDisallowed urlTransform={articleUrlTransform} components={components}>
        {cut ? body.slice(0, ARTICLE_RENDER_CHARS) : body}
      </Markdown>
      {cut && <p className="muted">{t('articles.tooLong')}</p>}
    </div>
  );
}

function link(href: string | undefined, children: ReactNode) {
  if (!href) return <span>{children}</span>;
  if (href.startsWith('#')) return <a href={href}>{children}</a>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
