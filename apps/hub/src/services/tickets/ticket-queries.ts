import { DiagnosticsBundleSchema, type ConsoleSocketData, type Ticket, type TicketDetail, type TicketListQuery, type TicketListResponse } from '@deskside/protocol';
import type { TicketListFilter, TicketRecord } from '@deskside/store';
import { seesSite, siteFilter } from '../access/site-scope.js';
import { compareForQueue } from './priority.js';
import { presentEmployeeTicket, presentTicket, satisfactionOf } from './presenters.js';
import type { SlaView } from './sla-policy.js';
import { visibleTicket } from './ticket-change.js';
import type { TicketDeps } from './ticket-deps.js';

type Viewer = Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>;

const LIST_LIMIT = 2000;
/** A page of the queue when the client names no size. */
const DEFAULT_PAGE = 100;
const MERGE_DEPTH = 3;
const MINE_CHARS = 1_200_000;

/** Reads: the queue, one ticket with its history, the employee's tickets. */
export function createTicketQueries(deps: TicketDeps) {
  /** Technician views of these records, with SLA state at this instant. */
  const present = async (records: readonly TicketRecord[]): Promise<Array<{ ticket: Ticket; view: SlaView }>> => {
    if (records.length === 0) return [];
    const sla = await deps.sla.current();
    const now = deps.clock().getTime();
    const names = new Map((await deps.store.users.list()).map((u) => [u.id, u.displayName]));
    const hostnames = new Map<string, string>();
    for (const id of new Set(records.flatMap((r) => (r.deviceId ? [r.deviceId] : [])))) {
      const device = await deps.store.devices.findById(id);
      if (device) hostnames.set(id, device.hostname);
    }
    const attachments = await deps.store.ticketAttachments.listForTickets(records.map((r) => r.id));
    const ratings = await deps.store.ticketEvents.listOfType(records.filter((r) => r.status === 'resolved' || r.status === 'closed').map((r) => r.id), ['rated']);
    return records.map((r) => {
      const view = sla.view(r, now);
      const ticket = presentTicket(r, {
        sla: view,
        assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
        hostname: r.deviceId ? (hostnames.get(r.deviceId) ?? null) : null,
        attachments: attachments.filter((a) => a.ticketId === r.id),
        satisfaction: satisfactionOf(r.id, ratings),
      });
      return { ticket, view };
    });
  };

  const sorted = (items: Array<{ ticket: Ticket; view: SlaView }>, records: readonly TicketRecord[]): Ticket[] => {
    const key = (i: { ticket: Ticket; view: SlaView }, r: TicketRecord | undefined) => ({
      priority: i.ticket.priority,
      dueAt: r?.firstResponseAt === null ? i.view.firstResponseDueAt : i.view.resolutionDueAt,
      createdAt: Date.parse(i.ticket.createdAt),
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    return items
      .map((i) => ({ i, k: key(i, byId.get(i.ticket.id)) }))
      .sort((a, b) => compareForQueue(a.k, b.k))
      .map((x) => x.i.ticket);
  };

  return {
    present: async (records: readonly TicketRecord[]): Promise<Ticket[]> => (await present(records)).map((p) => p.ticket),

    /** The current views of these tickets (unknown ids left out): what the console feed pushes. */
    byIds: async (ids: readonly string[]): Promise<Ticket[]> => (await present(await deps.store.tickets.findMany(ids))).map((p) => p.ticket),

    /** The queue: closed tickets only when asked for by status; priority, then SLA due time. */
    async list(user: Viewer, query: TicketListQuery): Promise<TicketListResponse> {
      const scope = siteFilter(user);
      const filter: TicketListFilter = {
        statuses: query.status ? [query.status] : ['new', 'open', 'pending', 'resolved'],
        ...(scope ? { siteIds: scope } : {}),
        ...(query.tier !== undefined ? { tier: query.tier } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.deviceId ? { deviceId: query.deviceId } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.assignee === 'me' ? { assigneeId: user.userId } : query.assignee === 'none' ? { assigneeId: null } : query.assignee ? { assigneeId: query.assignee } : {}),
        ...(query.q !== undefined && query.q.trim() !== '' ? { text: query.q } : {}),
        ...(query.priority ? { priorities: [query.priority] } : {}),
      };
      if (query.limit === undefined && query.offset === undefined && query.sort === undefined) {
        // The whole queue, due first (the SLA clocks of every row): what earlier clients expect.
        const records = await deps.store.tickets.list({ ...filter, limit: LIST_LIMIT });
        return { tickets: sorted(await present(records), records) };
      }
      // One page, ordered and counted in SQL: only its rows are presented (SLA clocks, names).
      const page = { ...filter, sort: query.sort ?? 'queue', limit: query.limit ?? DEFAULT_PAGE, ...(query.order ? { order: query.order } : {}), ...(query.offset ? { offset: query.offset } : {}) };
      const [records, total] = await Promise.all([deps.store.tickets.list(page), deps.store.tickets.count(filter)]);
      return { tickets: (await present(records)).map((p) => p.ticket), total };
    },

    /** One ticket, its history (with the threads of tickets merged into it) and diagnostics. */
    async detail(user: Viewer, id: string): Promise<TicketDetail> {
      const record = await visibleTicket(deps.store, user, id);
      const ids = [record.id];
      let frontier = [record.id];
      for (let depth = 0; depth < MERGE_DEPTH && frontier.length > 0; depth++) {
        // Only threads the viewer may read: a merge across sites shows nothing of the other site.
        const merged = (await Promise.all(frontier.map((f) => deps.store.tickets.list({ mergedIntoId: f, limit: 100 })))).flat().filter((m) => seesSite(user, m.siteId));
        frontier = merged.map((m) => m.id).filter((m) => !ids.includes(m));
        ids.push(...frontier);
      }
      const events = await deps.store.ticketEvents.listForTickets(ids);
      const [item] = await present([record]);
      const stored = record.hasDiagnostics ? await deps.store.tickets.diagnostics(record.id) : null;
      const diagnostics = DiagnosticsBundleSchema.safeParse(stored);
      if (!item) throw new Error('present() lost the ticket');
      return { ticket: item.ticket, events, diagnostics: diagnostics.success ? diagnostics.data : null };
    },

    /** The technicians' live list: every ticket that is not closed, in the viewer's sites. */
    async open(user: Pick<ConsoleSocketData, 'role' | 'siteIds' | 'userId'>): Promise<Ticket[]> {
      const scope = siteFilter(user);
      const records = await deps.store.tickets.list({ statuses: ['new', 'open', 'pending', 'resolved'], limit: LIST_LIMIT, ...(scope ? { siteIds: scope } : {}) });
      return sorted(await present(records), records);
    },

    /** The tickets of one device, newest first, public threads only ("My tickets"). */
    async mine(deviceId: string) {
      const records = await deps.store.tickets.list({ deviceId, limit: 50 });
      const events = await deps.store.ticketEvents.listForTickets(records.map((r) => r.id));
      const confirmDays = (await deps.sla.current()).settings.autoCloseDays;
      // The ack is one socket message: stop adding (older) tickets once it would grow past the budget.
      const out = [];
      let chars = 0;
      for (const r of records) {
        const t = presentEmployeeTicket(r, events, confirmDays);
        chars += t.messages.reduce((n, m) => n + m.body.length + m.author.length, 0) + t.subject.length;
        if (chars > MINE_CHARS && out.length > 0) break;
        out.push(t);
      }
      return out;
    },
  };
}

export type TicketQueries = ReturnType<typeof createTicketQueries>;
