import type { ArticleAudience, ArticleStatus, ArticleSummary } from '@deskside/protocol';
import { useEffect, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { useKbLoad } from './use-kb-load.js';

const AUDIENCE: Record<ArticleAudience, string> = { employees: 'Employees', technicians: 'Technicians only' };

/** The knowledge base: search (ranked, best first) or the newest articles, with filters. */
export function KbListPage({ api, canWrite }: { api: HttpClient; canWrite: boolean }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [audience, setAudience] = useState<ArticleAudience | ''>('');
  const [status, setStatus] = useState<ArticleStatus | ''>('');
  const now = useNow(60_000);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { state, reload } = useKbLoad<ArticleSummary[]>(
    () => api.listArticles({ ...(q ? { q, log: '1' as const } : {}), ...(audience ? { audience } : {}), ...(status ? { status } : {}) }),
    `${q}|${audience}|${status}`,
    'Loading articles',
  );
  return (
    <section aria-labelledby="kb-title">
      <div className="page-header">
        <h1 id="kb-title">Knowledge base</h1>
        {canWrite && (
          <a className="button button-primary" href="#/kb/new" data-testid="kb-new">
            New article
          </a>
        )}
      </div>
      <div className="kb-filters" role="search">
        <input
          type="search"
          aria-label="Search articles"
          placeholder="Search articles (typos are fine)…"
          data-testid="kb-search"
          value={typed}
          maxLength={200}
          onChange={(e) => setTyped(e.target.value)}
        />
        <select aria-label="Audience" value={audience} onChange={(e) => setAudience(e.target.value as ArticleAudience | '')}>
          <option value="">Every audience</option>
          <option value="employees">Employees</option>
          <option value="technicians">Technicians only</option>
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as ArticleStatus | '')}>
          <option value="">Drafts and published</option>
          <option value="published">Published</option>
          <option value="draft">Drafts</option>
        </select>
      </div>
      {state.kind === 'loading' && <PageSkeleton label="Loading articles…" />}
      {state.kind === 'error' && (
        <p className="form-error" role="alert">
          {state.message}{' '}
          <button type="button" className="button" onClick={reload}>
            Retry
          </button>
        </p>
      )}
      {state.kind === 'loaded' && state.value.length === 0 && (
        <p className="muted kb-empty" data-testid="kb-empty">
          {q ? `No article matches “${q}”. Try other words, or write the article this search was looking for.` : 'No articles yet. Write the first one, or open a resolved ticket and choose “Create an article from this ticket”.'}
        </p>
      )}
      {state.kind === 'loaded' && state.value.length > 0 && (
        <>
          <p className="muted">{q ? `${state.value.length} best matches for “${q}”, best first` : `Showing the ${state.value.length} most recently updated articles`}</p>
          <div className="table-wrap">
            <table className="data-table" data-testid="kb-list">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Category</th>
                  <th scope="col">Audience</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">Helpful</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a href={`#/kb/${encodeURIComponent(a.id)}`} data-testid="kb-row-link">
                        {a.title}
                      </a>
                      <div className="muted kb-excerpt">{a.excerpt}</div>
                    </td>
                    <td>{a.category}</td>
                    <td>{AUDIENCE[a.audience]}</td>
                    <td>{a.status === 'draft' ? <span className="tag tag-draft">Draft</span> : 'Published'}</td>
                    <td className="num" title={`${a.helpful} helpful, ${a.unhelpful} not helpful`}>
                      👍 {a.helpful} · 👎 {a.unhelpful}
                    </td>
                    <td>
                      <RelativeTime value={a.updatedAt} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
