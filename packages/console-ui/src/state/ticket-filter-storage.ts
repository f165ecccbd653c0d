import { IdSchema, TicketCategorySchema, TicketStatusSchema } from '@deskside/protocol';
import { DEFAULT_TICKET_FILTER, type TicketFilter } from './ticket-queue.js';

const KEY = 'deskside.ticketFilter';

/** A stored filter, field by field; anything unexpected falls back to the default of that field. */
export function parseTicketFilter(value: unknown): TicketFilter {
  if (typeof value !== 'object' || value === null) return DEFAULT_TICKET_FILTER;
  const v = value as Record<string, unknown>;
  const status = TicketStatusSchema.safeParse(v.status);
  const category = TicketCategorySchema.safeParse(v.category);
  const deviceId = IdSchema.safeParse(v.deviceId);
  return {
    assignee: v.assignee === 'me' || v.assignee === 'none' ? v.assignee : 'all',
    status: status.success ? status.data : 'active',
    tier: v.tier === 1 || v.tier === 2 || v.tier === 3 ? v.tier : null,
    category: category.success ? category.data : null,
    deviceId: deviceId.success ? deviceId.data : null,
  };
}

/** The queue's filters of this tab, so going to a ticket and back keeps them; read back validated. */
export function loadTicketFilter(storage: Pick<Storage, 'getItem'>): TicketFilter {
  try {
    const raw = storage.getItem(KEY);
    if (raw === null) return DEFAULT_TICKET_FILTER;
    return parseTicketFilter(JSON.parse(raw));
  } catch {
    return DEFAULT_TICKET_FILTER;
  }
}

export function saveTicketFilter(storage: Pick<Storage, 'setItem'>, filter: TicketFilter): void {
  try {
    storage.setItem(KEY, JSON.stringify(filter));
  } catch {
    // Storage full or disabled: the filter just does not survive navigation.
  }
}
