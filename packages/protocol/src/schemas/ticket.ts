import { z } from 'zod';
import { IdSchema, MessageIdSchema } from '../ids.js';
import { LIMITS } from '../limits.js';
import { list, maybeText, text, Timestamp } from './common.js';
import { DiagnosticsBundleSchema } from './diagnostics.js';

export const ImpactSchema = z.enum(['high', 'medium', 'low']);
export const UrgencySchema = z.enum(['high', 'medium', 'low']);
export type Impact = z.infer<typeof ImpactSchema>;
export type Urgency = z.infer<typeof UrgencySchema>;

/** P1 (most urgent) … P4, from the ITIL impact × urgency matrix. */
export const PrioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof PrioritySchema>;

/**
 * The impact × urgency matrix. Shared so the tray can tell the employee the priority it will get
 * and the hub computes the same.
 */
export const PRIORITY_MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityOf(impact: Impact, urgency: Urgency): Priority {
  return PRIORITY_MATRIX[impact][urgency];
}

export const TicketCategorySchema = z.enum(['hardware', 'software', 'account', 'network', 'printer', 'email', 'other']);
export type TicketCategory = z.infer<typeof TicketCategorySchema>;

/** How a ticket reached the desk (the queue filters and the activity report count by it). */
export const TicketChannelSchema = z.enum(['tray', 'email', 'phone', 'chat', 'console', 'api']);
export type TicketChannel = z.infer<typeof TicketChannelSchema>;

/** new → open → pending (waiting on the employee; SLA paused) → resolved → closed. */
/** Longest ticket subject, and longest description, reply or comment body, the hub accepts. */
export const TICKET_SUBJECT_MAX_CHARS = 200;
export const TICKET_BODY_MAX_CHARS = LIMITS.longText * 4;

export const TicketStatusSchema = z.enum(['new', 'open', 'pending', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const SlaStateSchema = z.enum(['ok', 'breaching-soon', 'breached', 'paused', 'met']);
export type SlaState = z.infer<typeof SlaStateSchema>;

export const RequesterSchema = z.object({
  name: text(128).min(1),
  username: maybeText(128),
  email: z.email().max(254).nullable(),
});
export type Requester = z.infer<typeof RequesterSchema>;

/** A screenshot as the agent sends it: PNG or JPEG bytes, base64, checked by content on the hub. */
export const ScreenshotUploadSchema = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  /** ≤ ~1 MB of image (base64 is 4/3 of that), so a ticket fits one socket message; the tray downscales. */
  dataBase64: z.string().max(1_400_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type ScreenshotUpload = z.infer<typeof ScreenshotUploadSchema>;

/**
 * `ticket:create` (agent → hub). `id` is the ticket's own id, born on the PC (so the tray can show
 * the ticket while it is still queued offline) and doubles as the idempotency key.
 */
export const AgentTicketCreateSchema = z.object({
  id: IdSchema,
  createdAt: Timestamp,
  subject: text(TICKET_SUBJECT_MAX_CHARS).min(1),
  description: text(TICKET_BODY_MAX_CHARS).min(1),
  category: TicketCategorySchema,
  impact: ImpactSchema,
  urgency: UrgencySchema,
  requester: RequesterSchema,
  diagnostics: DiagnosticsBundleSchema.nullable(),
  screenshot: ScreenshotUploadSchema.nullable(),
  /** Knowledge base articles the employee read before sending it anyway ("I still need help"). */
  articlesRead: list(IdSchema, 10).optional(),
});
export type AgentTicketCreate = z.infer<typeof AgentTicketCreateSchema>;

/** `ticket:reply` (agent → hub): the employee answers; a reply reopens a resolved ticket. */
export const AgentTicketReplySchema = z.object({
  id: MessageIdSchema,
  ticketId: IdSchema,
  body: text(LIMITS.longText * 4).min(1),
  sentAt: Timestamp,
});
export type AgentTicketReply = z.infer<typeof AgentTicketReplySchema>;

/**
 * `ticket:confirm` (agent → hub): the employee's answer to "Is this fixed?" on a resolved ticket.
 * Yes closes it; no reopens it with the comment (required then) and alerts the assignee.
 */
export const AgentTicketConfirmSchema = z
  .object({
    id: MessageIdSchema,
    ticketId: IdSchema,
    fixed: z.boolean(),
    comment: text(LIMITS.longText * 4).nullable(),
    sentAt: Timestamp,
  })
  .refine((c) => c.fixed || (c.comment !== null && c.comment.trim().length > 0), { message: 'a "not fixed" answer needs a comment', path: ['comment'] });
export type AgentTicketConfirm = z.infer<typeof AgentTicketConfirmSchema>;

/** One-click satisfaction: good or not good. */
export const SatisfactionSchema = z.enum(['good', 'bad']);
export type Satisfaction = z.infer<typeof SatisfactionSchema>;

/** `ticket:rate` (agent → hub): the employee rates the help on a resolved or closed ticket; a new rating replaces the old. */
export const AgentTicketRateSchema = z.object({
  id: MessageIdSchema,
  ticketId: IdSchema,
  rating: SatisfactionSchema,
  comment: text(LIMITS.longText).nullable(),
  sentAt: Timestamp,
});
export type AgentTicketRate = z.infer<typeof AgentTicketRateSchema>;

/** A ticket's rating as stored (the latest `rated` event). */
export const TicketSatisfactionSchema = z.object({ rating: SatisfactionSchema, comment: text(LIMITS.longText).nullable(), at: Timestamp });
export type TicketSatisfaction = z.infer<typeof TicketSatisfactionSchema>;

/** A public message of a ticket's thread, as the employee sees it (internal notes never appear). */
export const PublicMessageSchema = z.object({
  id: IdSchema,
  at: Timestamp,
  from: z.enum(['employee', 'technician', 'system']),
  author: text(128),
  body: text(LIMITS.longText * 4),
});
export type PublicMessage = z.infer<typeof PublicMessageSchema>;

/** The employee's view of one of their tickets ("My tickets"). */
export const EmployeeTicketSchema = z.object({
  id: IdSchema,
  number: z.number().int().positive(),
  subject: text(200),
  category: TicketCategorySchema,
  status: TicketStatusSchema,
  priority: PrioritySchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  messages: z.array(PublicMessageSchema).max(500),
  /** Who marked it resolved (the tray asks "Is this fixed?" in their name). */
  resolvedBy: text(128).nullable().optional(),
  /** Working days after resolution before an unanswered ticket closes on its own. */
  confirmDays: z.number().int().min(1).max(60).optional(),
  satisfaction: TicketSatisfactionSchema.nullable().optional(),
});
export type EmployeeTicket = z.infer<typeof EmployeeTicketSchema>;

export const AttachmentSchema = z.object({
  id: IdSchema,
  kind: z.enum(['screenshot', 'file']),
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  createdAt: Timestamp,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A ticket as technicians see it (queue, ticket page, `GET /api/v1/tickets`). */
export const TicketSchema = z.object({
  id: IdSchema,
  /** Human-friendly number (#1042), assigned by the hub. */
  number: z.number().int().positive(),
  subject: text(200),
  description: text(LIMITS.longText * 4),
  category: TicketCategorySchema,
  impact: ImpactSchema,
  urgency: UrgencySchema,
  priority: PrioritySchema,
  status: TicketStatusSchema,
  tier: z.number().int().min(1).max(3),
  assigneeId: IdSchema.nullable(),
  assigneeName: text(128).nullable(),
  requester: RequesterSchema,
  deviceId: IdSchema.nullable(),
  hostname: text(255).nullable(),
  siteId: IdSchema,
  source: z.enum(['agent', 'technician']),
  channel: TicketChannelSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  firstResponseAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  sla: z.object({
    firstResponseDueAt: Timestamp.nullable(),
    resolutionDueAt: Timestamp.nullable(),
    state: SlaStateSchema,
  }),
  timeSpentMinutes: z.number().int().nonnegative(),
  mergedIntoId: IdSchema.nullable(),
  incidentId: IdSchema.nullable(),
  linkedAlertIds: z.array(IdSchema).max(100),
  attachments: z.array(AttachmentSchema).max(20),
  hasDiagnostics: z.boolean(),
  /** The employee's rating, when they gave one. */
  satisfaction: TicketSatisfactionSchema.nullable().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** One entry of a ticket's history: every change is an event (who, when, what). */
export const TicketEventSchema = z.object({
  id: IdSchema,
  ticketId: IdSchema,
  at: Timestamp,
  actor: z.object({ type: z.enum(['employee', 'technician', 'system']), userId: IdSchema.nullable(), name: text(128) }),
  type: z.enum([
    'created',
    'status-changed',
    'assigned',
    'escalated',
    'reply',
    'note',
    'priority-changed',
    'merged',
    'alert-linked',
    'time-logged',
    'attachment-added',
    'sla-breached',
    'fix-confirmed',
    'fix-rejected',
    'rated',
  ]),
  visibility: z.enum(['public', 'internal']),
  body: text(LIMITS.longText * 4).nullable(),
  from: text(64).nullable(),
  to: text(64).nullable(),
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;

/** `POST /api/v1/tickets` (technician-created: a phone call or an email turned into a ticket). */
export const TicketCreateRequestSchema = z.object({
  subject: text(200).min(1),
  description: text(LIMITS.longText * 4).min(1),
  impact: ImpactSchema,
  urgency: UrgencySchema,
  deviceId: IdSchema.optional(),
  requester: RequesterSchema.partial({ username: true, email: true }).optional(),
  category: TicketCategorySchema.optional(),
  /** How the request came in: a logged phone call, or the console (the default; API tokens: api). */
  channel: z.enum(['phone', 'console']).optional(),
  /** Time already spent (a phone call's length), logged with the ticket. */
  timeSpentMinutes: z.number().int().min(0).max(24 * 60).optional(),
});
export type TicketCreateRequest = z.infer<typeof TicketCreateRequestSchema>;

/** Orders of the queue's server-side pages; `queue` is priority, then oldest first. */
export const TicketSortSchema = z.enum(['queue', 'number', 'subject', 'status', 'priority', 'created', 'updated', 'assignee', 'device']);
export type TicketSort = z.infer<typeof TicketSortSchema>;

/** The largest page of the ticket list. */
export const TICKET_PAGE_MAX = 500;

/**
 * `GET /api/v1/tickets?status=&assignee=&tier=&category=&deviceId=` — and, for a page of a queue
 * of any size, `&q=&priority=&sort=&order=&limit=&offset=`. Without the paging parameters the
 * answer is the whole queue as before (every unclosed ticket, or the status asked for, due first,
 * at most 2,000); with them, the same filter (no status: every unclosed ticket) one page at a time.
 */
export const TicketListQuerySchema = z.object({
  status: TicketStatusSchema.optional(),
  assignee: z.union([IdSchema, z.enum(['me', 'none'])]).optional(),
  tier: z.coerce.number().int().min(1).max(3).optional(),
  category: TicketCategorySchema.optional(),
  deviceId: IdSchema.optional(),
  channel: TicketChannelSchema.optional(),
  /** Words each starting a word of the subject, description or requester; or `#123`. */
  q: text(200).optional(),
  priority: PrioritySchema.optional(),
  sort: TicketSortSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(TICKET_PAGE_MAX).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuerySchema>;

/** `total`: how many tickets match (answered with a page, i.e. when `limit` was given). */
export const TicketListResponseSchema = z.object({ tickets: z.array(TicketSchema), total: z.number().int().min(0).optional() });
export type TicketListResponse = z.infer<typeof TicketListResponseSchema>;

/** `GET /api/v1/tickets/:id`. */
export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  events: z.array(TicketEventSchema),
  diagnostics: DiagnosticsBundleSchema.nullable(),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

/** Technician actions on a ticket (`POST /api/v1/tickets/:id/<action>`). */
export const TicketReplySchema = z.object({ body: text(LIMITS.longText * 4).min(1) });
export const TicketAssignSchema = z.object({ assigneeId: IdSchema.nullable() });
export const TicketEscalateSchema = z.object({ tier: z.number().int().min(1).max(3), note: text(LIMITS.longText).min(1) });
export const TicketResolveSchema = z.object({ note: text(LIMITS.longText * 4).min(1) });
export const TicketStatusChangeSchema = z.object({ status: TicketStatusSchema, note: text(LIMITS.longText).optional() });
export const TicketTimeSchema = z.object({ minutes: z.number().int().min(1).max(24 * 60) });
export const TicketMergeSchema = z.object({ intoId: IdSchema });
export const TicketLinkAlertSchema = z.object({ alertId: IdSchema });

/** `tickets:changed` (hub → console), coalesced; `ticket:updated` (hub → the requesting agent). */
export const TicketsChangedSchema = z.object({ tickets: z.array(TicketSchema) });
export type TicketsChanged = z.infer<typeof TicketsChangedSchema>;

export const TicketCreatedAckSchema = z.object({ ticketId: IdSchema, number: z.number().int().positive(), priority: PrioritySchema });
export type TicketCreatedAck = z.infer<typeof TicketCreatedAckSchema>;

// ---- added with the hub's ticket service (incidents, canned responses, SLA settings) ----------

/** Several tickets of one category from one site or network in a short window, handled as one. */
export const IncidentSchema = z.object({
  id: IdSchema,
  category: TicketCategorySchema,
  siteId: IdSchema,
  /** The IPv4 /24 the tickets share ("192.168.1.0/24"), or null when grouped by site. */
  network: text(64).nullable(),
  status: z.enum(['open', 'resolved']),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  ticketIds: z.array(IdSchema).max(500),
});
export type Incident = z.infer<typeof IncidentSchema>;
export const IncidentListResponseSchema = z.object({ incidents: z.array(IncidentSchema) });
/** `POST /api/v1/incidents/:id/reply` answers every ticket of the incident at once. */
export const IncidentReplySchema = TicketReplySchema;
/** `POST /api/v1/incidents/:id/resolve` resolves every ticket of the incident with one note. */
export const IncidentResolveSchema = TicketResolveSchema;

/** A reusable reply (`GET/POST /api/v1/canned-responses`). */
export const CannedResponseSchema = z.object({
  id: IdSchema,
  title: text(128),
  body: text(LIMITS.longText * 4),
  createdBy: text(128),
  createdAt: Timestamp,
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;
export const CannedResponseCreateSchema = z.object({ title: text(128).min(1), body: text(LIMITS.longText * 4).min(1) });
export const CannedResponseListResponseSchema = z.object({ cannedResponses: z.array(CannedResponseSchema) });

/** SLA targets of one priority, in minutes of business time. */
export const SlaTargetSchema = z.object({
  firstResponseMinutes: z.number().int().min(1).max(60 * 24 * 90),
  resolutionMinutes: z.number().int().min(1).max(60 * 24 * 365),
});
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

const Hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM');
/** A site's business hours (in its IANA time zone) and holidays, for SLA clocks. */
export const BusinessCalendarSchema = z.object({
  timeZone: text(64).min(1),
  /** Index 0 = Sunday … 6 = Saturday; null = closed all day. */
  week: z.array(z.object({ start: Hhmm, end: Hhmm }).nullable()).length(7),
  /** Local dates (YYYY-MM-DD) the site is closed. */
  holidays: z.array(z.iso.date()).max(366),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

/** `GET/PUT /api/v1/sla-settings`: targets per priority, the auto-close delay, per-site calendars. */
export const SlaSettingsSchema = z.object({
  targets: z.object({ P1: SlaTargetSchema, P2: SlaTargetSchema, P3: SlaTargetSchema, P4: SlaTargetSchema }),
  autoCloseDays: z.number().int().min(1).max(365),
  /** Per-site calendars; a site without one uses the default calendar. */
  calendars: z.array(z.object({ siteId: IdSchema, calendar: BusinessCalendarSchema })).max(500),
  defaultCalendar: BusinessCalendarSchema,
});
export type SlaSettings = z.infer<typeof SlaSettingsSchema>;
