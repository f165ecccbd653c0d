import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '../../common/bridge-api.js';
import { formatDateTime } from '../format.js';
import { ArticleBody } from './ArticleBody.js';

/** One article to read: its title (focused, so a screen reader starts there), when it changed, the body, then `actions`. */
export function ArticleReader({ article, actions, headingLevel = 2 }: { article: ArticleView; actions: ReactNode; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [article.id]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="article" data-testid="article" data-article-id={article.id}>
      <Heading ref={heading} tabIndex={-1} data-testid="article-title">
        {article.title}
      </Heading>
      <p className="meta">
        {article.category} · {t('articles.updated', { date: formatDateTime(article.updatedAt, i18n.language) })}
      </p>
      <ArticleBody body={article.body} />
      {actions}
    </article>
  );
}
