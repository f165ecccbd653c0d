import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchApi } from '../api/search-api.js';
import { navigate } from '../app/use-hash-route.js';
import { groupByKind, KIND_LABEL } from '../format/search-text.js';
import { useSearch } from '../state/use-search.js';
import { SafeText } from './SafeText.js';

/** Pages reachable by typing their name, shown before any search result. */
const COMMANDS = [
  { id: 'cmd-new-ticket', title: 'New ticket', href: '/tickets/new', keys: 'c' },
  { id: 'cmd-log-call', title: 'Log a call', href: '/tickets/call' },
  { id: 'cmd-tickets', title: 'Go to Tickets', href: '/tickets' },
  { id: 'cmd-devices', title: 'Go to Devices', href: '/devices' },
  { id: 'cmd-alerts', title: 'Go to Alerts', href: '/alerts' },
  { id: 'cmd-software', title: 'Go to Software', href: '/reports/software' },
  { id: 'cmd-overview', title: 'Go to Overview', href: '/overview' },
] as const;

interface Row {
  key: string;
  title: string;
  subtitle?: string | undefined;
  href: string;
  kind: string;
}

/**
 * Ctrl+K / `/`: one box that reaches every device, ticket, alert, person and application the hub
 * knows (ranked by the hub, grouped by kind), plus the console's pages. Arrows move, Enter opens,
 * Escape closes.
 */
export function CommandPalette({ api, onClose }: { api: SearchApi; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [retry, setRetry] = useState(0);
  const state = useSearch(api, query, retry);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const results = state.phase === 'done' ? state.results : state.phase === 'loading' ? state.previous : [];
  const sections = useMemo(() => {
    const q = query.trim().toLowerCase();
    const commands: Row[] = COMMANDS.filter((c) => q === '' || c.title.toLowerCase().includes(q)).map((c) => ({ key: c.id, title: c.title, href: c.href, kind: 'command' }));
    const out: { label: string; rows: Row[] }[] = [];
    for (const g of groupByKind(results)) {
      out.push({ label: KIND_LABEL[g.kind], rows: g.items.map((r) => ({ key: `${r.kind}:${r.id}`, title: r.title, subtitle: r.subtitle, href: r.href, kind: r.kind })) });
    }
    if (commands.length > 0) out.push({ label: 'Go to', rows: commands });
    return out;
  }, [results, query]);
  const flat = sections.flatMap((s) => s.rows);
  const current = Math.min(active, Math.max(0, flat.length - 1));

  const open = (row: Row | undefined) => {
    if (!row) return;
    onClose();
    navigate(row.href);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.ctrlKey && event.key === 'n')) {
      event.preventDefault();
      setActive((current + 1) % Math.max(1, flat.length));
    } else if (event.key === 'ArrowUp' || (event.ctrlKey && event.key === 'p')) {
      event.preventDefault();
      setActive((current - 1 + flat.length) % Math.max(1, flat.length));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(flat[current]);
    }
  };

  let index = -1;
  return (
    <dialog ref={dialog} className="palette" aria-label="Search" data-testid="command-palette" onClose={onClose} onCancel={onClose}>
      <div className="palette-box">
        <input
          className="palette-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={flat[current] ? `palette-${current}` : undefined}
          aria-label="Search devices, tickets, alerts, people and software"
          placeholder="Hostname, serial, IP, MAC, user, ticket number or subject, software…"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="palette-input"
        />
        <div className="palette-status" role="status" aria-live="polite">
          {state.phase === 'loading' && results.length === 0 && 'Searching…'}
          {state.phase === 'done' && state.results.length === 0 && `Nothing matches “${state.q}” among devices, tickets, alerts, people or software.`}
          {state.phase === 'error' && (
            <span className="palette-error">
              {state.message}{' '}
              <button type="button" className="button button-quiet" onClick={() => setRetry((n) => n + 1)}>
                Retry
              </button>
            </span>
          )}
        </div>
        <div id="palette-list" role="listbox" className="palette-list" aria-label="Results">
          {sections.map((section) => (
            <div key={section.label} role="group" aria-label={section.label} className="palette-group">
              <div className="palette-group-title" aria-hidden="true">
                {section.label}
              </div>
              {section.rows.map((row) => {
                index += 1;
                const i = index;
                return (
                  <div
                    key={row.key}
                    id={`palette-${i}`}
                    role="option"
                    aria-selected={i === current}
                    className="palette-option"
                    data-kind={row.kind}
                    data-testid="palette-option"
                    onMouseMove={() => setActive(i)}
                    onClick={() => open(row)}
                  >
                    <span className="palette-option-title">
                      <SafeText value={row.title} />
                    </span>
                    {row.subtitle && (
                      <span className="palette-option-sub">
                        <SafeText value={row.subtitle} />
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div className="palette-foot" aria-hidden="true">
          <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> move · <kbd className="kbd">Enter</kbd> open · <kbd className="kbd">Esc</kbd> close
        </div>
      </div>
    </dialog>
  );
}
