/** An API token as stored (never the token itself). */
export interface ApiTokenRecord {
  id: string;
  label: string;
  tokenHash: string;
  prefix: string;
  scopes: string[];
  /** Empty: every site its creator sees. */
  siteIds: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenRepository {
  create(token: ApiTokenRecord): Promise<void>;
  /** Newest first. */
  list(): Promise<ApiTokenRecord[]>;
  findById(id: string): Promise<ApiTokenRecord | undefined>;
  findByTokenHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** Records a use; cheap enough to call at most once a minute per token. */
  touch(id: string, at: Date): Promise<void>;
  /** Revokes a live token; answers whether it was live. */
  revoke(id: string, at: Date): Promise<boolean>;
}

export type WebhookFormat = 'deskside' | 'slack' | 'teams';

export interface WebhookSubscriptionRecord {
  id: string;
  label: string;
  /** Encrypted by the hub. */
  urlEnc: string;
  secretEnc: string;
  format: WebhookFormat;
  events: string[];
  siteIds: string[];
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export type WebhookDeliveryStatus = 'pending' | 'sent' | 'dead';

export interface WebhookDeliveryRecord {
  id: string;
  subscriptionId: string;
  event: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface WebhookRepository {
  createSubscription(s: WebhookSubscriptionRecord): Promise<void>;
  listSubscriptions(): Promise<WebhookSubscriptionRecord[]>;
  findSubscription(id: string): Promise<WebhookSubscriptionRecord | undefined>;
  /** Stops new deliveries; pending ones are given up. Answers whether it was live. */
  disableSubscription(id: string, at: Date): Promise<boolean>;
  /** Queues deliveries; an id already queued is a no-op. */
  enqueue(deliveries: readonly WebhookDeliveryRecord[]): Promise<void>;
  /** Pending and due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<WebhookDeliveryRecord[]>;
  nextDue(): Promise<Date | undefined>;
  /** Records an attempt: sent, retry at `nextAttemptAt`, or dead. */
  recordAttempt(id: string, outcome: { status: WebhookDeliveryStatus; attempts: number; nextAttemptAt: Date; lastStatus: number | null; lastError: string | null; at: Date }): Promise<void>;
  /** The delivery log of a subscription, newest first. */
  recent(subscriptionId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}

export interface IntegrationRepositories {
  readonly apiTokens: ApiTokenRepository;
  readonly webhooks: WebhookRepository;
}
