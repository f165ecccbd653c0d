import { z } from 'zod';
import {
  EmployeeTicketSchema,
  IdSchema,
  PrioritySchema,
  SatisfactionSchema,
  TicketCategorySchema,
  Timestamp,
  type EmployeeTicket,
  type Priority,
  type PublicMessage,
  type Satisfaction,
  type TicketCategory,
  type TicketStatus,
} from '@deskside/protocol';

/** Where a ticket born on this PC stands on its way to the hub. */
export type TicketDelivery = 'queued' | 'sent' | 'failed';

/** A reply the employee wrote that the hub has not echoed back in the thread yet. */
export const PendingReplySchema = z.object({
  id: IdSchema,
  body: z.string().max(16_384),
  sentAt: Timestamp,
  /** Acked by the hub; kept until the hub's thread shows it, so it never blinks out of view. */
  delivered: z.boolean(),
});
export type PendingReply = z.infer<typeof PendingReplySchema>;

/** What `<stateDir>/tickets/<id>.json` holds: the local view of one of the employee's tickets. */
export const LocalTicketSchema = z.object({
  v: z.literal(1),
  id: IdSchema,
  delivery: z.enum(['queued', 'sent', 'failed']),
  /** The hub's number (#1042), from the create ack. */
  number: z.number().int().positive().nullable(),
  subject: z.string().max(200),
  description: z.string().max(16_384),
  category: TicketCategorySchema,
  priority: PrioritySchema,
  createdAt: Timestamp,
  /** The hub's view, once it has one (from the create ack's refresh, `tickets:mine` or `ticket:updated`). */
  hub: EmployeeTicketSchema.nullable(),
  pendingReplies: z.array(PendingReplySchema).max(100),
  /** Why the hub refused it, when `delivery` is `failed`. */
  failure: z.string().max(512).nullable(),
  /**
   * The OS login that asked (the agent service serves several users' trays and shows each only
   * theirs). Absent on tickets from before, and on tickets the hub knows that this PC did not create.
   */
  owner: z.string().max(128).nullable().optional(),
  /** The employee's last answer to "Is this fixed?" (absent in files written before it existed). */
  confirm: z.object({ fixed: z.boolean(), at: Timestamp }).optional(),
  /** The employee's last rating, until the hub's view carries it. */
  rating: z.object({ rating: SatisfactionSchema, comment: z.string().max(4096).nullable(), at: Timestamp }).optional(),
});
export type LocalTicket = z.infer<typeof LocalTicketSchema>;

/** A message of the thread as the tray shows it; `pending` while a reply waits in the outbox. */
export type MyTicketMessage = PublicMessage & { pending: boolean };

/**
 * One ticket of "My tickets", as the tray shows it (crosses the preload bridge: plain data only).
 * A queued ticket has no number yet and the status `new`.
 */
export interface MyTicket {
  id: string;
  number: number | null;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  priority: Priority;
  delivery: TicketDelivery;
  createdAt: string;
  updatedAt: string;
  messages: MyTicketMessage[];
  /** Resolved and not answered yet: the tray asks "Is this fixed?". */
  askConfirm: boolean;
  /** Who marked it resolved (the question is asked in their name). */
  resolvedBy: string | null;
  /** Working days before an unanswered resolved ticket closes on its own. */
  confirmDays: number | null;
  /** The employee's rating, theirs until the hub confirms it. */
  satisfaction: { rating: Satisfaction; comment: string | null } | null;
}

/** Statuses in which a ticket still needs the help desk (the tray shows "help requested"). */
export const OPEN_STATUSES: ReadonlySet<TicketStatus> = new Set(['new', 'open', 'pending']);

/** The tray's view of a stored ticket. */
export function toMyTicket(local: LocalTicket): MyTicket {
  const hub: EmployeeTicket | null = local.hub;
  const messages: MyTicketMessage[] = hub
    ? hub.messages.map((m) => ({ ...m, pending: false }))
    : [{ id: local.id, at: local.createdAt, from: 'employee', author: 'You', body: local.description, pending: local.delivery === 'queued' }];
  const known = new Set(messages.map((m) => m.id));
  for (const reply of local.pendingReplies) {
    if (!known.has(reply.id)) messages.push({ id: reply.id, at: reply.sentAt, from: 'employee', author: 'You', body: reply.body, pending: !reply.delivered });
  }
  const last = messages.reduce((latest, m) => (m.at > latest ? m.at : latest), hub?.updatedAt ?? local.createdAt);
  return {
    id: local.id,
    number: hub?.number ?? local.number,
    subject: hub?.subject ?? local.subject,
    category: hub?.category ?? local.category,
    status: hub?.status ?? 'new',
    priority: hub?.priority ?? local.priority,
    delivery: local.delivery,
    createdAt: hub?.createdAt ?? local.createdAt,
    updatedAt: last,
    messages,
    askConfirm: (hub?.status ?? 'new') === 'resolved' && !(local.confirm && local.confirm.at > (hub?.updatedAt ?? '')),
    resolvedBy: hub?.resolvedBy ?? null,
    confirmDays: hub?.confirmDays ?? null,
    satisfaction: newestRating(local, hub),
  };
}

function newestRating(local: LocalTicket, hub: EmployeeTicket | null): MyTicket['satisfaction'] {
  const mine = local.rating;
  const theirs = hub?.satisfaction ?? null;
  if (mine && (!theirs || mine.at > theirs.at)) return { rating: mine.rating, comment: mine.comment };
  return theirs ? { rating: theirs.rating, comment: theirs.comment } : null;
}
