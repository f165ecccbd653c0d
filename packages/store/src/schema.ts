import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Internal to the store: services see only the records in types.ts.
 *
 * Column types are chosen to mean the same thing on SQLite and PostgreSQL, so a second dialect
 * needs no change here or in the repositories:
 * - instants are integer epoch milliseconds (UTC). Integers compare and index the same on both
 *   engines, are compact, and cannot drift in format the way ISO text can ("Z" vs "+00:00",
 *   with or without milliseconds), which would silently break range queries such as prunes;
 * - JSON documents are text, parsed and validated on the way out;
 * - there are no booleans yet; when one comes it is an integer 0/1.
 */
import type { AssetEditsTable, DeviceAssetsTable, DeviceGroupsTable } from './assets/schema-assets.js';
import type { AlertEventsTable, AlertsTable, HealthPoliciesTable, NotificationOutboxTable } from './alerts/schema-alerts.js';
import type { TicketTables } from './tickets/schema-tickets.js';
import type { HistoryTables } from './history/schema-history.js';
import type { HealthRollupsTable } from './maintenance/schema-rollups.js';
import type { KbTables } from './kb/schema-kb.js';
import type { IntegrationTables } from './integrations/schema-integrations.js';
import type { FixTables } from './fixes/schema-fixes.js';
import type { MailTables } from './mail/schema-mail.js';
import type { ReleaseTables } from './releases/schema-releases.js';
import type { SiteTables } from './sites/schema-sites.js';

export interface Database extends TicketTables, HistoryTables, KbTables, IntegrationTables, FixTables, MailTables, ReleaseTables, SiteTables {
  sites: SitesTable;
  users: UsersTable;
  sessions: SessionsTable;
  enroll_tokens: EnrollTokensTable;
  devices: DevicesTable;
  inventories: InventoriesTable;
  health_samples: HealthSamplesTable;
  processed_messages: ProcessedMessagesTable;
  settings: SettingsTable;
  device_assets: DeviceAssetsTable;
  asset_edits: AssetEditsTable;
  device_groups: DeviceGroupsTable;
  user_totp: UserTotpTable;
  audit_log: AuditLogTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  notification_outbox: NotificationOutboxTable;
  health_policies: HealthPoliciesTable;
  health_rollups: HealthRollupsTable;
  attempt_counters: AttemptCountersTable;
  write_locks: WriteLocksTable;
}

/** Named write locks (migration 0010): a transaction bumps `taken` to serialize an append. */
export interface WriteLocksTable {
  name: string;
  taken: number;
}

export interface AttemptCountersTable {
  key: string;
  count: number;
  window_start: EpochMs;
}

/** Epoch milliseconds, UTC. */
export type EpochMs = number;

export interface SitesTable {
  id: string;
  name: string;
  created_at: EpochMs;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: EpochMs;
  disabled_at: EpochMs | null;
  tier: number | null;
  /** JSON array of site ids; '[]' means every site. */
  site_ids: Generated<string>;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  revoked_at: EpochMs | null;
}

export interface EnrollTokensTable {
  id: string;
  token_hash: string;
  site_id: string;
  label: string;
  created_at: EpochMs;
  expires_at: EpochMs | null;
  max_uses: number | null;
  uses: number;
  revoked_at: EpochMs | null;
}

export interface DevicesTable {
  id: string;
  site_id: string;
  machine_id: string;
  hostname: string;
  key_hash: string;
  enrolled_at: EpochMs;
  last_seen_at: EpochMs | null;
  declared_presence: string | null;
  last_status: string | null;
  inventory_hash: string | null;
  inventory_updated_at: EpochMs | null;
  revoked_at: EpochMs | null;
  os: string | null;
  cpu: string | null;
  ram_bytes: number | null;
  disk_used_bytes: number | null;
  disk_total_bytes: number | null;
  ip: string | null;
  /** Alerts raised before this instant are stored snoozed, not notified (migration 0006). */
  maintenance_until: EpochMs | null;
  /** 'active' | 'pending-approval'. */
  approval: Generated<string>;
}

export interface InventoriesTable {
  device_id: string;
  hash: string;
  /** InventoryDocument as JSON. */
  document: string;
  updated_at: EpochMs;
}

export interface HealthSamplesTable {
  device_id: string;
  message_id: string;
  at: EpochMs;
  /** MetricsSample as JSON. */
  metrics: string;
}

export interface ProcessedMessagesTable {
  device_id: string;
  message_id: string;
  kind: string;
  payload_hash: string;
  /** The ack data as JSON; NULL when it was `undefined`. */
  result: string | null;
  processed_at: EpochMs;
}

export interface UserTotpTable {
  user_id: string;
  secret_enc: string;
  created_at: EpochMs;
  confirmed_at: EpochMs | null;
  last_step: number | null;
}

export interface AuditLogTable {
  seq: number;
  at: EpochMs;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string;
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}
