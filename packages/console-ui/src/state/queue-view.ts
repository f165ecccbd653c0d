import type { Ticket } from '@deskside/protocol';
import { compareValues, type SortState } from '../format/table-sort.js';
import { slaDisplay } from '../format/sla.js';
import { DEFAULT_TICKET_FILTER, type TicketFilter } from './ticket-queue.js';

/** Columns of the queue a technician can sort by, with the value each sorts on. */
export const QUEUE_COLUMNS: Record<string, (t: Ticket) => string | number | null> = {
  Priority: (t) => t.priority,
  '#': (t) => t.number,
  Subject: (t) => t.subject,
  Requester: (t) => t.requester.name,
  Status: (t) => ['new', 'open', 'pending', 'resolved', 'closed'].indexOf(t.status),
  SLA: (t) => {
    const due = slaDisplay(t, 0).dueAt;
    return due === null ? null : Date.parse(due);
  },
  Category: (t) => t.category,
  Tier: (t) => t.tier,
  Assignee: (t) => t.assigneeName,
  Updated: (t) => Date.parse(t.updatedAt),
};

/** Words of the search box that all must match: number (`1042`, `#1042`), subject, requester, device or assignee. */
export function matchesText(t: Ticket, text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `#${t.number} ${t.subject} ${t.requester.name} ${t.requester.email ?? ''} ${t.hostname ?? ''} ${t.assigneeName ?? ''}`.toLowerCase();
  return words.every((w) => hay.includes(w.replace(/^t-/, '#')));
}

/** The queue in a column's order (the default queue order when `sort` is null). */
export function sortQueue(tickets: readonly Ticket[], sort: SortState | null): readonly Ticket[] {
  const value = sort ? QUEUE_COLUMNS[sort.column] : undefined;
  if (!sort || !value) return tickets;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...tickets].sort((a, b) => compareValues(value(a), value(b)) * sign || a.number - b.number);
}

/** A saved view: the filters, the search text and the sort, under a name. */
export interface QueueView {
  id: string;
  name: string;
  filter: TicketFilter;
  text: string;
  sort: SortState | null;
}

/** The views every technician starts with (Zammad's overviews). */
export const BUILT_IN_VIEWS: readonly QueueView[] = [
  { id: 'all', name: 'All open', filter: DEFAULT_TICKET_FILTER, text: '', sort: null },
  { id: 'mine', name: 'Mine', filter: { ...DEFAULT_TICKET_FILTER, assignee: 'me' }, text: '', sort: null },
  { id: 'unassigned', name: 'Unassigned', filter: { ...DEFAULT_TICKET_FILTER, assignee: 'none' }, text: '', sort: null },
  { id: 'pending', name: 'Waiting on requester', filter: { ...DEFAULT_TICKET_FILTER, status: 'pending' }, text: '', sort: null },
];

const KEY = (userId: string) => `deskside.views.${userId}`;

/** The technician's own views, from this browser's storage (kept per user id). */
export function loadViews(storage: Pick<Storage, 'getItem'>, userId: string): QueueView[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY(userId)) ?? '[]');
    return Array.isArray(raw) ? raw.map(decodeView).filter((v): v is QueueView => v !== null) : [];
  } catch {
    return [];
  }
}

export function saveViews(storage: Pick<Storage, 'setItem'>, userId: string, views: readonly QueueView[]): void {
  storage.setItem(KEY(userId), JSON.stringify(views.slice(0, 50)));
}

/** A view as a link parameter, so a colleague opens the same queue (`#/tickets?view=…`). */
export function encodeView(view: QueueView): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(view))));
}

/** A view from a link or from storage; anything malformed is refused (null), never half-applied. */
export function decodeView(value: unknown): QueueView | null {
  let v: unknown = value;
  if (typeof value === 'string') {
    try {
      v = JSON.parse(decodeURIComponent(escape(atob(value))));
    } catch {
      return null;
    }
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const f = o['filter'] as Record<string, unknown> | undefined;
  if (typeof o['id'] !== 'string' || typeof o['name'] !== 'string' || typeof o['text'] !== 'string' || typeof f !== 'object' || f === null) return null;
  const assignee = f['assignee'];
  if (assignee !== 'all' && assignee !== 'me' && assignee !== 'none') return null;
  const status = typeof f['status'] === 'string' && ['active', 'new', 'open', 'pending', 'resolved', 'closed'].includes(f['status']) ? (f['status'] as TicketFilter['status']) : 'active';
  const tier = f['tier'] === 1 || f['tier'] === 2 || f['tier'] === 3 ? f['tier'] : null;
  const sort = o['sort'] as Record<string, unknown> | null | undefined;
  const validSort = sort && typeof sort['column'] === 'string' && sort['column'] in QUEUE_COLUMNS && (sort['direction'] === 'asc' || sort['direction'] === 'desc') ? { column: sort['column'], direction: sort['direction'] as 'asc' | 'desc' } : null;
  return {
    id: o['id'].slice(0, 64),
    name: o['name'].slice(0, 80),
    text: o['text'].slice(0, 200),
    filter: { ...DEFAULT_TICKET_FILTER, assignee, status, tier, category: (typeof f['category'] === 'string' ? f['category'] : null) as TicketFilter['category'], deviceId: typeof f['deviceId'] === 'string' ? f['deviceId'] : null },
    sort: validSort,
  };
}
