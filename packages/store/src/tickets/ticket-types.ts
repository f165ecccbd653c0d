/**
 * Records and repositories of the ticket desk: tickets, their event history, attachments,
 * canned responses, incidents and SLA configuration. Re-exported through types.ts.
 */
import type {
  Attachment,
  BusinessCalendar,
  Impact,
  Priority,
  Requester,
  SlaTarget,
  TicketCategory,
  TicketChannel,
  TicketEvent,
  TicketStatus,
  Urgency,
} from '@deskside/protocol';

/** An interval during which the SLA clock stood still (status pending); `to` null while it lasts. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface TicketRecord {
  id: string;
  /** Human number (#1042), from the store's sequence. */
  number: number;
  subject: string;
  description: string;
  category: TicketCategory;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  status: TicketStatus;
  tier: 1 | 2 | 3;
  assigneeId: string | null;
  requester: Requester;
  deviceId: string | null;
  siteId: string;
  /** IPv4 /24 of the device when the ticket was opened ("10.0.4.0/24"), for incident grouping. */
  network: string | null;
  source: 'agent' | 'technician';
  /** How it reached the desk. */
  channel: TicketChannel;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  slaPauses: SlaPause[];
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  timeSpentMinutes: number;
  mergedIntoId: string | null;
  incidentId: string | null;
  linkedAlertIds: string[];
  hasDiagnostics: boolean;
}

/** A new ticket: the store assigns `number`; diagnostics (validated by the hub) are stored aside. */
export type NewTicket = Omit<TicketRecord, 'number' | 'hasDiagnostics'> & { diagnostics: unknown };

/** Fields a service may change after creation. */
export type TicketPatch = Partial<
  Pick<
    TicketRecord,
    | 'status'
    | 'tier'
    | 'assigneeId'
    | 'updatedAt'
    | 'firstResponseAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'slaPauses'
    | 'firstResponseBreachedAt'
    | 'resolutionBreachedAt'
    | 'timeSpentMinutes'
    | 'mergedIntoId'
    | 'incidentId'
    | 'linkedAlertIds'
    | 'priority'
    | 'impact'
    | 'urgency'
  >
>;

export interface TicketListFilter {
  statuses?: readonly TicketStatus[];
  /** `null`: unassigned only. */
  assigneeId?: string | null;
  tier?: number;
  category?: TicketCategory;
  deviceId?: string;
  channel?: TicketChannel;
  /** Empty or absent: every site. */
  siteIds?: readonly string[];
  incidentId?: string;
  mergedIntoId?: string;
  createdSince?: Date;
  resolvedBefore?: Date;
  /** Words that must each start a word of the subject, description or requester, or a ticket number (migration 0020's index). */
  text?: string;
  priorities?: readonly Priority[];
  /** The order of the rows; absent: newest first. */
  sort?: TicketSort;
  /** Absent: the sort's natural direction (ascending, except times: newest first). */
  order?: 'asc' | 'desc';
  /** At most this many. */
  limit?: number;
  /** Skip this many (a page of the queue). */
  offset?: number;
}

/**
 * Orders of a ticket list. `queue`: priority, then oldest first (a ticket's SLA due time grows with
 * its age within a priority, so this is the queue's due-first order without computing every clock).
 */
export type TicketSort = 'queue' | 'number' | 'subject' | 'status' | 'priority' | 'created' | 'updated' | 'assignee' | 'device';

/** The tickets that can matter to a report period [start, end). */
export interface TicketPeriodFilter {
  start: Date;
  /** Exclusive: a ticket created exactly at `end` is not in the period. */
  end: Date;
  /** Empty or absent: every site. */
  siteIds?: readonly string[];
  /** Newest created first, at most this many. */
  limit: number;
}

/** What a report reads of a ticket; what changed over time comes from its events. */
export type TicketPeriodRecord = Pick<TicketRecord, 'id' | 'number' | 'category' | 'priority' | 'status' | 'siteId' | 'deviceId' | 'createdAt' | 'closedAt'>;

export interface TicketRepository {
  /** Inserts the ticket with the next human number; answers that number. */
  create(ticket: NewTicket): Promise<number>;
  findById(id: string): Promise<TicketRecord | undefined>;
  findMany(ids: readonly string[]): Promise<TicketRecord[]>;
  /** By its human number (`[#123]` in a mail subject). */
  findByNumber(number: number): Promise<TicketRecord | undefined>;
  list(filter: TicketListFilter): Promise<TicketRecord[]>;
  /** How many tickets match the filter (limit and offset ignored). */
  count(filter: TicketListFilter): Promise<number>;
  /**
   * Tickets created before the period's end and not closed before its start (closed is final, so
   * nothing of theirs happens in the period): every ticket that existed unclosed at some instant of it.
   */
  listForPeriod(filter: TicketPeriodFilter): Promise<TicketPeriodRecord[]>;
  update(id: string, patch: TicketPatch): Promise<void>;
  /** The diagnostics bundle as stored (JSON), or undefined. */
  diagnostics(id: string): Promise<unknown>;
}

export type TicketEventRecord = TicketEvent;

export interface TicketEventRepository {
  append(events: readonly TicketEventRecord[]): Promise<void>;
  /** Oldest first. */
  listForTickets(ticketIds: readonly string[]): Promise<TicketEventRecord[]>;
  /** Only events of these types (e.g. the `rated` events behind satisfaction), oldest first. */
  listOfType(ticketIds: readonly string[], types: readonly TicketEventRecord['type'][]): Promise<TicketEventRecord[]>;
}

export interface TicketAttachmentRecord extends Omit<Attachment, 'createdAt'> {
  ticketId: string;
  /** Relative to `<dataDir>/attachments`. */
  storagePath: string;
  sha256: string;
  createdAt: Date;
}

export interface TicketAttachmentRepository {
  add(attachment: TicketAttachmentRecord): Promise<void>;
  listForTickets(ticketIds: readonly string[]): Promise<TicketAttachmentRecord[]>;
  find(ticketId: string, id: string): Promise<TicketAttachmentRecord | undefined>;
}

export interface CannedResponseRecord {
  id: string;
  title: string;
  body: string;
  createdBy: string;
  createdAt: Date;
}

export interface CannedResponseRepository {
  list(): Promise<CannedResponseRecord[]>;
  create(record: CannedResponseRecord): Promise<void>;
}

export interface IncidentRecord {
  id: string;
  category: TicketCategory;
  siteId: string;
  network: string | null;
  status: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface IncidentRepository {
  create(incident: IncidentRecord): Promise<void>;
  findById(id: string): Promise<IncidentRecord | undefined>;
  /** Newest first. */
  list(status?: 'open' | 'resolved'): Promise<IncidentRecord[]>;
  resolve(id: string, at: Date): Promise<void>;
}

/** The stored SLA configuration; what is absent falls back to the hub's defaults. */
export interface SlaConfigRecord {
  targets: Partial<Record<Priority, SlaTarget>>;
  /** `siteId` '*' is the default calendar. */
  calendars: Array<{ siteId: string; calendar: BusinessCalendar }>;
}

export interface SlaConfigRepository {
  get(): Promise<SlaConfigRecord>;
  /** Replaces every target and calendar. */
  replace(config: SlaConfigRecord): Promise<void>;
}

/** The ticket desk's repositories, merged into `Repositories`. */
export interface TicketRepositories {
  readonly tickets: TicketRepository;
  readonly ticketEvents: TicketEventRepository;
  readonly ticketAttachments: TicketAttachmentRepository;
  readonly cannedResponses: CannedResponseRepository;
  readonly incidents: IncidentRepository;
  readonly slaConfig: SlaConfigRepository;
}
