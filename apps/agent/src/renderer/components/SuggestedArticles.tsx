import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleCardView, ArticleView } from '../../common/bridge-api.js';
import { useDebounced } from '../use-debounced.js';
import { ArticleReader } from './ArticleReader.js';

/** Characters typed before suggestions are looked for, and the pause that counts as "stopped typing". */
const MIN_CHARS = 3;
const DEBOUNCE_MS = 350;

export interface SuggestedArticlesProps {
  subject: string;
  /** The employee opened an article (sent with the ticket if they ask anyway). */
  onRead: (articleId: string) => void;
  /** "This solved it" was pressed and recorded. */
  onSolved: (articleId: string) => void;
}

type Found = { query: string; articles: ArticleCardView[]; offline: boolean };

/**
 * The three best help articles for the subject as the employee types it (the hub's ranking, or
 * the copy on this PC when offline). One opens in place; "This solved it" ends the request without
 * a ticket, "I still need help" goes back to the form.
 */
export function SuggestedArticles({ subject, onRead, onSolved }: SuggestedArticlesProps) {
  const { t } = useTranslation();
  const query = useDebounced(subject.trim(), DEBOUNCE_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [open, setOpen] = useState<ArticleView | null>(null);
  const [solving, setSolving] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (query.length < MIN_CHARS) {
      setFound(null);
      return;
    }
    let live = true;
    window.deskside.searchArticles(query, 'suggest').then(
      (result) => live && setFound({ query, ...result }),
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const read = (card: ArticleCardView) => {
    setFailed(false);
    window.deskside.getArticle(card.id).then(
      (article) => {
        if (!article) return;
        setOpen(article);
        onRead(article.id);
      },
      () => undefined,
    );
  };

  const solved = (article: ArticleView) => {
    setSolving(true);
    window.deskside.articleSolvedIt(article.id, subject).then(
      () => onSolved(article.id),
      () => {
        setSolving(false);
        setFailed(true);
      },
    );
  };

  const articles = found?.articles ?? [];
  if (open) {
    return (
      <section className="help-articles reading" aria-label={t('getHelp.articlesTitle')} data-testid="help-articles">
        <ArticleReader
          article={open}
          headingLevel={3}
          actions={
            <>
              {failed && (
                <p className="field-error" role="alert">
                  {t('articles.solveFailed')}
                </p>
              )}
              <div className="actions">
                <button type="button" className="button" data-testid="article-solved" disabled={solving} onClick={() => solved(open)}>
                  {t('articles.solvedIt')}
                </button>
                <button type="button" className="button secondary" data-testid="article-still-need-help" onClick={() => setOpen(null)}>
                  {t('articles.stillNeedHelp')}
                </button>
              </div>
            </>
          }
        />
      </section>
    );
  }
  return (
    <section className="help-articles" aria-label={t('getHelp.articlesTitle')} aria-live="polite" data-testid="help-articles" hidden={articles.length === 0}>
      {articles.length > 0 && (
        <>
          <h2>{t('getHelp.articlesTitle')}</h2>
          {found?.offline && <p className="hint">{t('articles.offlineResults')}</p>}
          <ul className="article-list">
            {articles.map((a) => (
              <li key={a.id}>
                <button type="button" data-testid="suggested-article" onClick={() => read(a)}>
                  <span className="title">{a.title}</span>
                  <span className="excerpt">{a.excerpt}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
