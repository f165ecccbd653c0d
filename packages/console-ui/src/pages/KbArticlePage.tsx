import type { Article, ArticleVersion } from '@deskside/protocol';
import { useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { ArticleFeedbackPanel } from '../components/ArticleFeedbackPanel.js';
import { ArticleMarkdown } from '../components/ArticleMarkdown.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { ticketErrorText } from '../format/ticket-errors.js';
import { ticketPath } from '../app/routes.js';
import { useKbLoad } from './use-kb-load.js';

/** One article: the rendered body, who wrote it and when, feedback, related articles, version history. */
export function KbArticlePage({ api, id, canWrite }: { api: HttpClient; id: string; canWrite: boolean }) {
  const { state, reload, set } = useKbLoad<Article>(() => api.getArticle(id), id, 'Loading the article');
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const now = useNow(60_000);
  if (state.kind === 'loading') return <PageSkeleton label="Loading the article…" />;
  if (state.kind === 'error')
    return (
      <p className="form-error" role="alert">
        {state.message}{' '}
        <button type="button" className="button" onClick={reload}>
          Retry
        </button>
      </p>
    );
  const a = state.value;
  const markReviewed = async () => {
    try {
      set(await api.updateArticle(a.id, { baseVersion: a.version, reviewed: true }));
      setMessage('Marked as reviewed today.');
    } catch (err) {
      setMessage(ticketErrorText(err, 'Marking it reviewed'));
    }
  };
  const loadVersions = async () => {
    try {
      setVersions(await api.articleVersions(a.id));
    } catch (err) {
      setMessage(ticketErrorText(err, 'Loading the history'));
    }
  };
  return (
    <article aria-labelledby="article-title" className="kb-article">
      <p className="muted">
        <a href="#/kb">Knowledge base</a> › {a.category}
      </p>
      <div className="page-header">
        <h1 id="article-title" data-testid="article-title">
          {a.title}
        </h1>
        {a.status === 'draft' && <span className="tag tag-draft">Draft</span>}
        {a.audience === 'technicians' && <span className="tag">Technicians only</span>}
        {canWrite && (
          <span className="kb-actions">
            <a className="button" href={`#/kb/${encodeURIComponent(a.id)}/edit`} data-testid="article-edit">
              Edit
            </a>
            <button type="button" className="button button-quiet" onClick={() => void markReviewed()}>
              Mark reviewed
            </button>
          </span>
        )}
      </div>
      <p className="muted kb-meta">
        Written by {a.authorName}, version {a.version} by {a.updatedByName} <RelativeTime value={a.updatedAt} now={now} /> · reviewed <RelativeTime value={a.reviewedAt} now={now} /> · {a.views} views ·{' '}
        {a.deflections} requests solved in the tray
        {a.sourceTicketId && (
          <>
            {' '}
            · <a href={`#${ticketPath(a.sourceTicketId)}`}>from a ticket</a>
          </>
        )}
      </p>
      {a.tags.length > 0 && (
        <p className="kb-tags">
          {a.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <div className="kb-article-layout">
        <div className="panel">
          <ArticleMarkdown body={a.body} loadImage={api.articleImage} />
        </div>
        <aside className="kb-side">
          <ArticleFeedbackPanel article={a} now={now} onVote={canWrite ? async (fb) => set(await api.articleFeedback(a.id, fb)) : undefined} />
          {a.related.length > 0 && (
            <section className="panel" aria-labelledby="related-title">
              <h2 id="related-title">Related articles</h2>
              <ul>
                {a.related.map((r) => (
                  <li key={r.id}>
                    <a href={`#/kb/${encodeURIComponent(r.id)}`}>{r.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            {versions === null ? (
              <button type="button" className="button" data-testid="article-history" onClick={() => void loadVersions()}>
                Show {a.version} version{a.version === 1 ? '' : 's'}
              </button>
            ) : (
              <ol className="kb-versions" data-testid="article-versions">
                {versions.map((v) => (
                  <li key={v.version}>
                    <strong>v{v.version}</strong> by {v.authorName} <RelativeTime value={v.at} now={now} />
                    <pre className="kb-diff">{v.diff}</pre>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
