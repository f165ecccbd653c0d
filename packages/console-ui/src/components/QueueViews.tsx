import { useState } from 'react';
import { BUILT_IN_VIEWS, encodeView, type QueueView } from '../state/queue-view.js';

export interface QueueViewsProps {
  views: readonly QueueView[];
  activeId: string | null;
  counts: ReadonlyMap<string, number>;
  onApply: (view: QueueView) => void;
  onSave: (name: string) => void;
  onDelete: (id: string) => void;
}

/** Overviews with counts (built-in and the technician's own), save the current queue as a view, share a link to it. */
export function QueueViews({ views, activeId, counts, onApply, onSave, onDelete }: QueueViewsProps) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const all = [...BUILT_IN_VIEWS, ...views];
  const active = all.find((v) => v.id === activeId);
  const share = (view: QueueView) => {
    const url = `${window.location.origin}${window.location.pathname}#/tickets?view=${encodeURIComponent(encodeView(view))}`;
    void navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(url);
  };
  return (
    <nav className="queue-views" aria-label="Saved views" data-testid="queue-views">
      {all.map((v) => (
        <span key={v.id} className="queue-view">
          <button type="button" className="queue-view-button" aria-pressed={v.id === activeId} onClick={() => onApply(v)} data-testid={`view-${v.id}`}>
            {v.name} <span className="jump-count">{counts.get(v.id) ?? 0}</span>
          </button>
          {!BUILT_IN_VIEWS.some((b) => b.id === v.id) && (
            <button type="button" className="button button-quiet button-small" aria-label={`Delete the view ${v.name}`} onClick={() => onDelete(v.id)}>
              ×
            </button>
          )}
        </span>
      ))}
      {naming ? (
        <form
          className="queue-view-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) onSave(name.trim());
            setNaming(false);
            setName('');
          }}
        >
          <label>
            <span className="visually-hidden">View name</span>
            <input autoFocus value={name} maxLength={80} placeholder="View name" onChange={(e) => setName(e.target.value)} data-testid="view-name" />
          </label>
          <button type="submit" className="button button-primary button-small" data-testid="view-save-confirm">
            Save
          </button>
        </form>
      ) : (
        <button type="button" className="button button-small" onClick={() => setNaming(true)} data-testid="view-save">
          Save view…
        </button>
      )}
      {active && (
        <button type="button" className="button button-quiet button-small" onClick={() => share(active)} data-testid="view-share">
          Share link
        </button>
      )}
      {copied && (
        <span className="muted view-link" role="status" data-testid="view-link">
          Link copied: <code>{copied.length > 60 ? `${copied.slice(0, 60)}…` : copied}</code>
        </span>
      )}
    </nav>
  );
}
