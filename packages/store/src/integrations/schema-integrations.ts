import type { EpochMs } from '../schema.js';

/** API tokens for scripts and integrations; only the SHA-256 of a token is kept. */
export interface ApiTokensTable {
  id: string;
  label: string;
  token_hash: string;
  /** The first characters of the token, so people can tell tokens apart. */
  prefix: string;
  /** JSON array of scopes. */
  scopes: string;
  /** JSON array of site ids; '[]' means every site the creator sees. */
  site_ids: string;
  created_by: string;
  created_at: EpochMs;
  expires_at: EpochMs | null;
  last_used_at: EpochMs | null;
  revoked_at: EpochMs | null;
}

/** Event webhook subscriptions. The signing secret is encrypted by the hub. */
export interface WebhookSubscriptionsTable {
  id: string;
  label: string;
  /** Encrypted by the hub (the URL can hold a secret, as Slack's do). */
  url_enc: string;
  secret_enc: string;
  /** 'deskside' (signed JSON), 'slack' or 'teams'. */
  format: string;
  /** JSON array of event names. */
  events: string;
  /** JSON array of site ids; '[]' means every site. */
  site_ids: string;
  created_by: string;
  created_at: EpochMs;
  disabled_at: EpochMs | null;
}

/** One event to deliver to one subscription: the durable queue and the delivery log. */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event: string;
  /** The JSON body, exactly as signed and sent. */
  payload: string;
  /** 'pending' | 'sent' | 'dead'. */
  status: string;
  attempts: number;
  next_attempt_at: EpochMs;
  last_status: number | null;
  last_error: string | null;
  created_at: EpochMs;
  finished_at: EpochMs | null;
}

export interface IntegrationTables {
  api_tokens: ApiTokensTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
