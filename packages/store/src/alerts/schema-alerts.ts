import type { EpochMs } from '../schema.js';

// Tables of migration 0006 as Kysely sees them (internal to the store).

export interface AlertsTable {
  id: string;
  device_id: string;
  check_id: string;
  subject: string;
  /** 'agent' | 'hub'. */
  source: string;
  /** 'info' | 'warning' | 'critical'. */
  severity: string;
  /** 'open' | 'acknowledged' | 'snoozed' | 'resolved'. */
  state: string;
  message: string;
  value: number | null;
  threshold: number | null;
  raised_at: EpochMs;
  updated_at: EpochMs;
  cleared_at: EpochMs | null;
  acknowledged_at: EpochMs | null;
  acknowledged_by: string | null;
  snoozed_until: EpochMs | null;
  resolved_at: EpochMs | null;
  resolved_by: string | null;
  /** 0/1. */
  flapping: number;
  occurrences: number;
  ticket_id: string | null;
  /** 0/1: a notification was queued for this alert (never twice). */
  notified: number;
}

export interface AlertEventsTable {
  id: string;
  alert_id: string;
  at: EpochMs;
  /** 'agent' | 'hub' | 'user'. */
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  details: string | null;
}

export interface NotificationOutboxTable {
  id: string;
  alert_id: string | null;
  /** JSON: what the notifier needs to render the message. */
  payload: string;
  created_at: EpochMs;
  attempts: number;
  next_attempt_at: EpochMs;
  sent_at: EpochMs | null;
  /** Set when the notifier gave up (attempts exhausted). */
  failed_at: EpochMs | null;
  last_error: string | null;
}

export interface HealthPoliciesTable {
  /** 'global', or 'group:<id>'. */
  scope: string;
  /** JSON policy (a whole one for 'global', a partial override for a group). */
  policy: string;
  updated_at: EpochMs;
  updated_by: string;
}
