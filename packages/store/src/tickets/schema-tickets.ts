import type { EpochMs } from '../schema.js';

// The ticket desk's tables as Kysely sees them (see schema.ts for the column conventions).

export interface TicketsTable {
  id: string;
  number: number;
  subject: string;
  description: string;
  category: string;
  impact: string;
  urgency: string;
  priority: string;
  status: string;
  tier: number;
  assignee_id: string | null;
  /** Requester as JSON. */
  requester: string;
  device_id: string | null;
  site_id: string;
  network: string | null;
  source: string;
  /** TicketChannel: tray | email | phone | chat | console | api (migration 0023). */
  channel: string;
  created_at: EpochMs;
  updated_at: EpochMs;
  first_response_at: EpochMs | null;
  resolved_at: EpochMs | null;
  closed_at: EpochMs | null;
  /** JSON array of {from, to} epoch ms. */
  sla_pauses: string;
  first_response_breached_at: EpochMs | null;
  resolution_breached_at: EpochMs | null;
  time_spent_minutes: number;
  merged_into_id: string | null;
  incident_id: string | null;
  /** JSON array of alert ids. */
  linked_alert_ids: string;
  /** DiagnosticsBundle as JSON, or NULL. */
  diagnostics: string | null;
}

export interface TicketSequenceTable {
  name: string;
  value: number;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  at: EpochMs;
  actor_type: string;
  actor_user_id: string | null;
  actor_name: string;
  type: string;
  visibility: string;
  body: string | null;
  from_value: string | null;
  to_value: string | null;
}

export interface TicketAttachmentsTable {
  id: string;
  ticket_id: string;
  kind: string;
  media_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  storage_path: string;
  sha256: string;
  created_at: EpochMs;
}

export interface CannedResponsesTable {
  id: string;
  title: string;
  body: string;
  created_by: string;
  created_at: EpochMs;
}

export interface IncidentsTable {
  id: string;
  category: string;
  site_id: string;
  network: string | null;
  status: string;
  created_at: EpochMs;
  resolved_at: EpochMs | null;
}

export interface SlaTargetsTable {
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
}

export interface BusinessCalendarsTable {
  /** '*' is the default calendar. */
  site_id: string;
  /** BusinessCalendar as JSON. */
  calendar: string;
}

export interface TicketTables {
  tickets: TicketsTable;
  ticket_sequence: TicketSequenceTable;
  ticket_events: TicketEventsTable;
  ticket_attachments: TicketAttachmentsTable;
  canned_responses: CannedResponsesTable;
  incidents: IncidentsTable;
  sla_targets: SlaTargetsTable;
  business_calendars: BusinessCalendarsTable;
}
