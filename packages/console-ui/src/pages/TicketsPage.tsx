import type { DeviceSummary, Ticket } from '@deskside/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useClosedTickets } from './use-closed-tickets.js';
import type { HttpClient } from '../api/http-client.js';
import { useNow } from '../app/use-now.js';
import { BulkBar } from '../components/BulkBar.js';
import { QueueViews } from '../components/QueueViews.js';
import { TicketFilters } from '../components/TicketFilters.js';
import { TicketQueue } from '../components/TicketQueue.js';
import type { SortState } from '../format/table-sort.js';
import { loadTicketFilter, saveTicketFilter } from '../state/ticket-filter-storage.js';
import { BUILT_IN_VIEWS, decodeView, loadViews, matchesText, saveViews, sortQueue, type QueueView } from '../state/queue-view.js';
import { queueCounts, ticketQueue, type TicketFilter } from '../state/ticket-queue.js';
import { useQueueKeys } from '../state/use-queue-keys.js';
import type { TicketsView } from '../state/use-tickets.js';

export interface TicketsPageProps {
  tickets: TicketsView;
  api: HttpClient;
  /** The signed-in technician ("Mine", "assign to me"). */
  meId: string;
  meName?: string;
  /** Devices of the live fleet, for the device filter. */
  devices: readonly DeviceSummary[];
  /** `#/tickets?view=`: a built-in view id or a shared view. */
  view?: string | undefined;
}

/** The ticket queue: live, searchable, sortable on every column, saved views with counts, bulk work. */
export function TicketsPage({ tickets, api, meId, meName = 'me', devices, view }: TicketsPageProps) {
  const shared = useMemo(() => (view ? (BUILT_IN_VIEWS.find((v) => v.id === view) ?? decodeView(view)) : null), [view]);
  const [filter, setFilter] = useState<TicketFilter>(() => shared?.filter ?? loadTicketFilter(window.sessionStorage));
  const [text, setText] = useState(shared?.text ?? '');
  const [sort, setSort] = useState<SortState | null>(shared?.sort ?? null);
  const [activeView, setActiveView] = useState<string | null>(shared?.id ?? null);
  const [views, setViews] = useState<QueueView[]>(() => loadViews(window.localStorage, meId));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // SLA badges count down between hub updates.
  const now = useNow(30_000);
  const closed = useClosedTickets(api, filter);

  useEffect(() => {
    document.title = 'Tickets · Deskside';
    return () => {
      document.title = 'Deskside console';
    };
  }, []);

  const onFilter = (next: TicketFilter) => {
    setFilter(next);
    setActiveView(null);
    saveTicketFilter(window.sessionStorage, next);
  };
  const apply = (v: QueueView) => {
    setFilter(v.filter);
    setText(v.text);
    setSort(v.sort);
    setActiveView(v.id);
  };

  const live = tickets.state.byId;
  const base = useMemo(() => {
    if (filter.status !== 'closed') return ticketQueue(live.values(), filter, meId);
    // The hub's closed tickets, with any closed while this page watched (newer wins by id).
    const merged = new Map((closed.kind === 'loaded' ? closed.tickets : []).map((t) => [t.id, t]));
    for (const t of live.values()) if (t.status === 'closed') merged.set(t.id, t);
    return ticketQueue(merged.values(), filter, meId);
  }, [live, filter, meId, closed]);
  const queue = useMemo(() => sortQueue(text.trim() ? base.filter((t) => matchesText(t, text)) : base, sort), [base, text, sort]);
  const viewCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const v of [...BUILT_IN_VIEWS, ...views]) counts.set(v.id, v.filter.status === 'closed' ? 0 : ticketQueue(live.values(), v.filter, meId).filter((t) => matchesText(t, v.text)).length);
    return counts;
  }, [live, views, meId]);
  const counts = queueCounts(queue, now);
  const loading = filter.status === 'closed' ? closed.kind === 'loading' : !tickets.state.loaded;
  const selectedTickets = useMemo(() => queue.filter((t) => selected.has(t.id)), [queue, selected]);
  const select = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const activeId = useQueueKeys(queue, {
    toggle: (id) => select([id], !selected.has(id)),
    assignToMe: (t: Ticket) => void api.assignTicket(t.id, meId).then(tickets.upsert, () => undefined),
  });
  const fresh = tickets.state.loaded && live.size === 0 && filter.status !== 'closed';

  return (
    <>
      <div className="page-header">
        <h1>Tickets</h1>
        <p className="page-meta" aria-live="polite" data-testid="ticket-count">
          {loading
            ? 'Loading…'
            : `${counts.total} ticket${counts.total === 1 ? '' : 's'} · ${counts.breached} breached · ${counts.soon} breaching soon · ${counts.unassigned} unassigned`}
        </p>
        <a className="button header-action" href="#/tickets/call" data-testid="log-call">
          Log a call
        </a>
        <a className="button button-primary header-action" href="#/tickets/new" data-testid="new-ticket">
          New ticket
        </a>
      </div>
      {tickets.error !== null && (
        <p className="stale-note" role="status">
          Live tickets are not up to date: {tickets.error}
        </p>
      )}
      <QueueViews
        views={views}
        activeId={activeView}
        counts={viewCounts}
        onApply={apply}
        onSave={(name) => {
          const v: QueueView = { id: `v${Date.now().toString(36)}`, name, filter, text, sort };
          const next = [...views, v];
          setViews(next);
          saveViews(window.localStorage, meId, next);
          setActiveView(v.id);
        }}
        onDelete={(id) => {
          const next = views.filter((v) => v.id !== id);
          setViews(next);
          saveViews(window.localStorage, meId, next);
          if (activeView === id) setActiveView(null);
        }}
      />
      <div className="queue-search">
        <label>
          <span className="visually-hidden">Search the queue</span>
          <input
            type="search"
            value={text}
            maxLength={200}
            placeholder="Search number, subject, requester, device…"
            onChange={(e) => {
              setText(e.target.value);
              setActiveView(null);
            }}
            data-testid="queue-search"
          />
        </label>
      </div>
      <TicketFilters filter={filter} onChange={onFilter} devices={devices} />
      {closed.kind === 'error' && (
        <p className="form-error" role="alert">
          {closed.message}
        </p>
      )}
      {selectedTickets.length > 0 && (
        <BulkBar
          selected={selectedTickets}
          api={api}
          me={{ id: meId, name: meName }}
          onClear={() => setSelected(new Set())}
          onDone={(updated) => {
            for (const t of updated) tickets.upsert(t);
            setSelected(new Set());
          }}
        />
      )}
      <TicketQueue
        tickets={queue}
        now={now}
        sort={sort}
        onSort={(s) => {
          setSort(s);
          setActiveView(null);
        }}
        selected={selected}
        onSelect={select}
        activeId={activeId}
        emptyText={
          loading
            ? 'Loading tickets…'
            : fresh
              ? 'No tickets yet — employees open them from the tray’s “Get help”, or create one with New ticket.'
              : 'No ticket matches these filters or this search.'
        }
      />
    </>
  );
}
