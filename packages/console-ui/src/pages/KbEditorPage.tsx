import { KB_LIMITS, type Article, type ArticleAudience, type ArticleStatus } from '@deskside/protocol';
import { useEffect, useRef, useState } from 'react';
import type { HttpClient } from '../api/http-client.js';
import { ArticleMarkdown } from '../components/ArticleMarkdown.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { ticketErrorText } from '../format/ticket-errors.js';

interface Draft {
  title: string;
  body: string;
  category: string;
  tags: string;
  audience: ArticleAudience;
  status: ArticleStatus;
  sourceTicketId: string | null;
}

const EMPTY: Draft = { title: '', body: '', category: 'General', tags: '', audience: 'employees', status: 'draft', sourceTicketId: null };

/**
 * Write or edit an article: Markdown on the left, the live preview (the same safe renderer the
 * article page and the tray use) on the right. `fromTicket` prefills problem and resolution.
 */
export function KbEditorPage({ api, id, fromTicket }: { api: HttpClient; id?: string | undefined; fromTicket?: string | undefined }) {
  const [draft, setDraft] = useState<Draft | null>(id || fromTicket ? null : EMPTY);
  const [base, setBase] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let cancelled = false;
    if (id) {
      api.getArticle(id).then(
        (a) => {
          if (cancelled) return;
          setBase(a);
          setDraft({ title: a.title, body: a.body, category: a.category, tags: a.tags.join(' '), audience: a.audience, status: a.status, sourceTicketId: a.sourceTicketId });
        },
        (err: unknown) => !cancelled && setError(ticketErrorText(err, 'Loading the article')),
      );
    } else if (fromTicket) {
      api.ticketKbDraft(fromTicket).then(
        (d) => !cancelled && setDraft({ ...EMPTY, title: d.title, body: d.body, sourceTicketId: d.sourceTicketId }),
        (err: unknown) => !cancelled && setError(ticketErrorText(err, 'Reading the ticket')),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [api, id, fromTicket]);

  if (draft === null) return error ? <p className="form-error">{error}</p> : <PageSkeleton label="Loading…" />;
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const tags = draft.tags.split(/[\s,]+/).filter(Boolean).slice(0, KB_LIMITS.tags);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const fields = { title: draft.title, body: draft.body, category: draft.category.trim() || 'General', tags, audience: draft.audience, status: draft.status };
      const saved = base ? await api.updateArticle(base.id, { baseVersion: base.version, ...fields }) : await api.createArticle({ ...fields, sourceTicketId: draft.sourceTicketId });
      window.location.hash = `#/kb/${encodeURIComponent(saved.id)}`;
    } catch (err) {
      setError(ticketErrorText(err, 'Saving the article'));
    } finally {
      setBusy(false);
    }
  };
  const addImage = async (blob: File) => {
    if (!base) return;
    try {
      const image = await api.uploadArticleImage(base.id, blob);
      const at = bodyRef.current?.selectionStart ?? draft.body.length;
      change({ body: `${draft.body.slice(0, at)}\n${image.markdown}\n${draft.body.slice(at)}` });
    } catch (err) {
      setError(ticketErrorText(err, 'Adding the image'));
    }
  };

  return (
    <section aria-labelledby="editor-title" className="kb-editor">
      <div className="page-header">
        <h1 id="editor-title">{base ? `Edit “${base.title}”` : fromTicket ? 'New article from a ticket' : 'New article'}</h1>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="kb-editor-error">
          {error}
        </p>
      )}
      <form className="kb-editor-fields" onSubmit={(e) => (e.preventDefault(), void save())}>
        <label>
          Title
          <input data-testid="kb-title" required maxLength={KB_LIMITS.titleChars} value={draft.title} onChange={(e) => change({ title: e.target.value })} />
        </label>
        <label>
          Category
          <input maxLength={64} value={draft.category} onChange={(e) => change({ category: e.target.value })} />
        </label>
        <label>
          Tags (space separated)
          <input data-testid="kb-tags" value={draft.tags} onChange={(e) => change({ tags: e.target.value })} />
        </label>
        <label>
          Who sees it
          <select data-testid="kb-audience" value={draft.audience} onChange={(e) => change({ audience: e.target.value as ArticleAudience })}>
            <option value="employees">Employees (tray and console)</option>
            <option value="technicians">Technicians only</option>
          </select>
        </label>
        <label>
          Status
          <select data-testid="kb-status" value={draft.status} onChange={(e) => change({ status: e.target.value as ArticleStatus })}>
            <option value="draft">Draft (technicians only)</option>
            <option value="published">Published</option>
          </select>
        </label>
        <div className="kb-editor-panes">
          <label className="kb-editor-body">
            Body (Markdown)
            <textarea ref={bodyRef} data-testid="kb-body" rows={22} maxLength={KB_LIMITS.bodyChars} value={draft.body} onChange={(e) => change({ body: e.target.value })} />
          </label>
          <div className="kb-preview panel" aria-label="Preview" data-testid="kb-preview">
            <p className="muted">Preview</p>
            <ArticleMarkdown body={draft.body} loadImage={api.articleImage} />
          </div>
        </div>
        <div className="form-actions">
          {base ? (
            <>
              <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => e.target.files?.[0] && void addImage(e.target.files[0])} />
              <button type="button" className="button" onClick={() => file.current?.click()}>
                Add image
              </button>
            </>
          ) : (
            <span className="muted">Save once to add images.</span>
          )}
          <a className="button button-quiet" href={base ? `#/kb/${encodeURIComponent(base.id)}` : '#/kb'}>
            Cancel
          </a>
          <button type="submit" className="button button-primary" data-testid="kb-save" disabled={busy || draft.title.trim() === ''}>
            {busy ? 'Saving…' : base ? 'Save changes' : 'Save article'}
          </button>
        </div>
      </form>
    </section>
  );
}
