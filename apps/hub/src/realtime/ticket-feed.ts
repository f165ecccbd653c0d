import type { ConsoleSocketData, Ticket } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import { siteFilter } from '../services/access/site-scope.js';
import type { TicketService } from '../services/tickets/ticket-service.js';
import type { ConsoleNamespace } from './context.js';
import { isClustered } from '../services/cluster/cluster-adapter.js';

export const TICKETS_ROOM = 'tickets';

export function ticketSiteRoom(siteId: string): string {
  return `tickets-site:${siteId}`;
}

/** The ticket rooms a person watches: every ticket, or one room per site of their scope. */
export function ticketRoomsFor(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): string[] {
  const scope = siteFilter(who);
  return scope === undefined ? [TICKETS_ROOM] : scope.map(ticketSiteRoom);
}

/**
 * Coalesces ticket changes for watching consoles (the pattern of console-feed.ts): ids collect as
 * they change, and each flush sends ONE `tickets:changed` per room with the current views, a
 * site-scoped technician only ever receiving their sites' tickets.
 */
export class TicketFeed {
  private changed = new Set<string>();
  private flushing = false;

  constructor(
    private readonly deps: { nsp: ConsoleNamespace; service: Pick<TicketService, 'queries'>; logger: Logger },
  ) {}

  markChanged(ids: readonly string[]): void {
    for (const id of ids) this.changed.add(id);
  }

  private hasWatchers(): boolean {
    if (isClustered(this.deps.nsp)) return true;
    for (const [room, members] of this.deps.nsp.adapter.rooms) {
      if (members.size > 0 && (room === TICKETS_ROOM || room.startsWith('tickets-site:'))) return true;
    }
    return false;
  }

  async flush(): Promise<void> {
    if (this.flushing || this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed = new Set();
    if (!this.hasWatchers()) return;
    this.flushing = true;
    try {
      const tickets = await this.deps.service.queries.byIds(ids);
      if (tickets.length === 0) return;
      this.deps.nsp.to(TICKETS_ROOM).emit('tickets:changed', { tickets });
      const bySite = new Map<string, Ticket[]>();
      for (const t of tickets) bySite.set(t.siteId, [...(bySite.get(t.siteId) ?? []), t]);
      for (const [siteId, group] of bySite) this.deps.nsp.to(ticketSiteRoom(siteId)).emit('tickets:changed', { tickets: group });
    } catch (err) {
      for (const id of ids) this.changed.add(id);
      this.deps.logger.warn('ticket feed flush failed', { err: String(err) });
    } finally {
      this.flushing = false;
    }
  }
}
