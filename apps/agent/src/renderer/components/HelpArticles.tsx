import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleCardView, ArticleLibraryView, ArticleView } from '../../common/bridge-api.js';
import { formatDateTime } from '../format.js';
import { useDebounced } from '../use-debounced.js';
import { ArticleFeedback } from './ArticleFeedback.js';
import { ArticleReader } from './ArticleReader.js';

type Library = { state: 'loading' } | { state: 'failed' } | ({ state: 'ready' } & ArticleLibraryView);
type Results = { query: string; articles: ArticleCardView[]; offline: boolean } | null;

/**
 * Help articles: a search box, then every article on this PC by category (or the search's best
 * matches), then one article to read with "Was this helpful?". Offline it says the articles are
 * the copy saved on this computer, and when.
 */
export function HelpArticles({ initialArticle }: { initialArticle: string | null }) {
  const { t, i18n } = useTranslation();
  const [library, setLibrary] = useState<Library>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 400);
  const [results, setResults] = useState<Results>(null);
  const [open, setOpen] = useState<ArticleView | null | 'missing'>(null);

  useEffect(() => {
    let live = true;
    setLibrary({ state: 'loading' });
    window.deskside.listArticles().then(
      (view) => live && setLibrary({ state: 'ready', ...view }),
      () => live && setLibrary({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    if (query === '') return setResults(null);
    let live = true;
    window.deskside.searchArticles(query, 'browse').then(
      (found) => live && setResults({ query, ...found }),
      () => live && setResults({ query, articles: [], offline: true }),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const show = (id: string) =>
    window.deskside.getArticle(id).then(
      (article) => setOpen(article ?? 'missing'),
      () => setOpen('missing'),
    );
  useEffect(() => {
    if (initialArticle) void show(initialArticle);
  }, [initialArticle]);

  const byCategory = useMemo(() => {
    const groups = new Map<string, ArticleCardView[]>();
    if (library.state !== 'ready') return groups;
    for (const a of [...library.articles].sort((x, y) => x.title.localeCompare(y.title, i18n.language))) groups.set(a.category, [...(groups.get(a.category) ?? []), a]);
    return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, i18n.language)));
  }, [library, i18n.language]);

  if (open !== null) {
    return (
      <>
        <button type="button" className="link-button back" data-testid="articles-back" onClick={() => setOpen(null)}>
          {t('articles.back')}
        </button>
        {open === 'missing' ? (
          <p role="status">{t('articles.notFound')}</p>
        ) : (
          <ArticleReader article={open} actions={<ArticleFeedback key={open.id} articleId={open.id} />} />
        )}
      </>
    );
  }

  const offline = library.state === 'ready' && library.offline;
  return (
    <>
      <p className="lead">{t('articles.intro')}</p>
      {offline && (
        <p className="note" role="status" data-testid="articles-offline">
          {library.syncedAt ? t('articles.offlineCopy', { date: formatDateTime(library.syncedAt, i18n.language) }) : t('articles.offlineNever')}
        </p>
      )}
      <div className="field" role="search">
        <label htmlFor="article-search">{t('articles.search')}</label>
        <span className="hint" id="article-search-hint">
          {t('articles.searchHint')}
        </span>
        <input type="text" id="article-search" data-testid="article-search" value={text} maxLength={200} autoComplete="off" aria-describedby="article-search-hint" onChange={(e) => setText(e.target.value)} />
      </div>
      {library.state === 'loading' && <div className="skeleton" aria-label={t('app.loading')} data-testid="articles-loading" />}
      {library.state === 'failed' && (
        <div className="error-summary" role="alert">
          <p>{t('articles.loadFailed')}</p>
          <button type="button" className="button secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.tryAgain')}
          </button>
        </div>
      )}
      {results !== null ? (
        <section aria-live="polite" data-testid="article-results">
          {results.articles.length === 0 ? (
            <p data-testid="articles-no-results">{t('articles.noResults', { query: results.query })}</p>
          ) : (
            <>
              {results.offline && !offline && <p className="hint">{t('articles.offlineResults')}</p>}
              <ArticleList articles={results.articles} onOpen={show} />
            </>
          )}
        </section>
      ) : (
        library.state === 'ready' &&
        (library.articles.length === 0 ? (
          <p data-testid="articles-empty">{t('articles.empty')}</p>
        ) : (
          [...byCategory.entries()].map(([category, articles]) => (
            <section key={category} data-testid="article-category">
              <h2>{category}</h2>
              <ArticleList articles={articles} onOpen={show} />
            </section>
          ))
        ))
      )}
    </>
  );
}

function ArticleList({ articles, onOpen }: { articles: ArticleCardView[]; onOpen: (id: string) => void }) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.id}>
          <button type="button" data-testid="article-link" onClick={() => onOpen(a.id)}>
            <span className="title">{a.title}</span>
            {a.excerpt && <span className="excerpt">{a.excerpt}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
