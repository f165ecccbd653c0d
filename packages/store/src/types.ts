/**
 * The store's public face: repositories over plain records. Services depend on these interfaces
 * only, never on Kysely or a dialect, so SQLite and PostgreSQL are interchangeable beneath them.
 * Every method is async (PostgreSQL is), and every instant is a `Date` in UTC.
 */
import type { DeviceStatus, InventoryDocument, MetricsSample, Role } from '@deskside/protocol';
import type { AssetRepository, GroupRepository } from './asset-types.js';
export type * from './asset-types.js';
import type { DeviceApproval, TechnicianTier } from '@deskside/protocol';
import type { AttemptCounterRepository, AuditRepository, DeviceApprovalRepository, TotpRepository, UserPatch } from './access-types.js';
import type { AlertRepository, DeviceHealthRepository, HealthPolicyRepository, NotificationOutboxRepository } from './alerts/alert-types.js';
import type { TicketRepositories } from './tickets/ticket-types.js';
import type { HistoryRepositories } from './history/history-types.js';
import type { KbRepositories } from './kb/kb-types.js';
export type * from './kb/kb-types.js';
import type { FixRepositories } from './fixes/fix-types.js';
export type * from './fixes/fix-types.js';
export type * from './integrations/integration-types.js';
import type { IntegrationRepositories } from './integrations/integration-types.js';
export type * from './mail/mail-types.js';
import type { MailRepositories } from './mail/mail-types.js';
export type * from './releases/release-types.js';
import type { ReleaseRepositories } from './releases/release-types.js';
import type { SiteRepositories } from './sites/site-types.js';
export type * from './sites/site-types.js';
import type { SearchRepository } from './search/search-types.js';
export type * from './search/search-types.js';

export type * from './access-types.js';
export type * from './alerts/alert-types.js';
export type * from './tickets/ticket-types.js';
export type * from './history/history-types.js';
export type * from './maintenance/maintenance-types.js';
import type { HealthRollupRepository, StoreMaintenance } from './maintenance/maintenance-types.js';

export interface SiteRecord {
  id: string;
  name: string;
  createdAt: Date;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Technicians: 1–3; others: null. */
  tier: TechnicianTier | null;
  /** Sites this user may see; empty means every site. */
  siteIds: string[];
  /** scrypt hash in PHC-like form; never leaves the hub. */
  passwordHash: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface SessionRecord {
  id: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface EnrollTokenRecord {
  id: string;
  tokenHash: string;
  siteId: string;
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
}

/** Denormalized fields the fleet list shows, refreshed from each inventory and heartbeat. */
export interface DeviceSummaryFields {
  os: string | null;
  cpu: string | null;
  ramBytes: number | null;
  diskUsedBytes: number | null;
  diskTotalBytes: number | null;
  ip: string | null;
}

/** What the agent last declared about itself; `null` when it said nothing (running normally). */
export type DeclaredPresence = 'asleep' | 'shut-down' | null;

export interface DeviceRecord extends DeviceSummaryFields {
  id: string;
  siteId: string;
  machineId: string;
  hostname: string;
  /** SHA-256 of the device key. */
  keyHash: string;
  enrolledAt: Date;
  lastSeenAt: Date | null;
  declaredPresence: DeclaredPresence;
  /** Last status the hub computed and flushed (for a restart to start from). */
  lastStatus: DeviceStatus | null;
  inventoryHash: string | null;
  inventoryUpdatedAt: Date | null;
  revokedAt: Date | null;
  /** `pending-approval`: quarantined (duplicate machine id) until a technician approves it. */
  approval: DeviceApproval;
}

export interface NewDevice {
  id: string;
  siteId: string;
  machineId: string;
  hostname: string;
  keyHash: string;
  enrolledAt: Date;
}

export interface DeviceListFilter {
  /** Case-insensitive substring over hostname, OS, CPU and IP. */
  q?: string;
  siteIds?: readonly string[];
  includeRevoked?: boolean;
  /** Quarantined devices are left out unless asked for. */
  includePending?: boolean;
}

/** One presence update, flushed in batches from the hub's in-memory presence table. */
export interface PresenceFlush {
  deviceId: string;
  lastSeenAt: Date | null;
  declaredPresence: DeclaredPresence;
  lastStatus: DeviceStatus;
}

export interface StoredInventory {
  deviceId: string;
  hash: string;
  document: InventoryDocument;
  updatedAt: Date;
}

export interface HealthSampleRecord {
  deviceId: string;
  /** The message id of the heartbeat that carried it. */
  messageId: string;
  at: Date;
  metrics: MetricsSample;
}

/** The remembered outcome of an agent write, keyed by (device, message id): makes retries no-ops. */
export interface ProcessedMessage {
  deviceId: string;
  messageId: string;
  kind: string;
  /** SHA-256 of the canonical payload; the same id with another payload is a conflict. */
  payloadHash: string;
  /** The ack data first returned, returned again on a retry. */
  result: unknown;
  processedAt: Date;
}

export interface SiteRepository {
  list(): Promise<SiteRecord[]>;
  findById(id: string): Promise<SiteRecord | undefined>;
  create(site: SiteRecord): Promise<void>;
}

export interface UserRepository {
  count(): Promise<number>;
  findById(id: string): Promise<UserRecord | undefined>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<UserRecord | undefined>;
  /** `tier` and `siteIds` default to null and every site. */
  create(user: NewUser): Promise<void>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  list(): Promise<UserRecord[]>;
  update(id: string, patch: UserPatch): Promise<void>;
}

export type NewUser = Omit<UserRecord, 'tier' | 'siteIds'> & Partial<Pick<UserRecord, 'tier' | 'siteIds'>>;

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  revoke(id: string, at: Date): Promise<void>;
  /** Deletes sessions that expired before `now`; answers how many. */
  deleteExpired(now: Date): Promise<number>;
  findById(id: string): Promise<SessionRecord | undefined>;
  /** Newest first, at most 100. */
  listByUser(userId: string): Promise<SessionRecord[]>;
  /** Revokes every live session of a user; answers the ids it revoked. */
  revokeAllForUser(userId: string, at: Date): Promise<string[]>;
}

export interface EnrollTokenRepository {
  create(token: EnrollTokenRecord): Promise<void>;
  list(): Promise<EnrollTokenRecord[]>;
  findByTokenHash(tokenHash: string): Promise<EnrollTokenRecord | undefined>;
  /**
   * Counts one use if the token is still usable at `now` (not revoked, not expired, under its
   * maximum): atomically, so two agents racing for the last use cannot both win.
   */
  consumeUse(id: string, now: Date): Promise<boolean>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface DeviceRepository {
  create(device: NewDevice): Promise<void>;
  findById(id: string): Promise<DeviceRecord | undefined>;
  /** The hostnames of these devices (revoked ones too), in batched queries; unknown ids are left out. */
  hostnames(ids: readonly string[]): Promise<Array<{ id: string; hostname: string }>>;
  /** Non-revoked device with this machine id, if any. */
  findByMachineId(machineId: string): Promise<DeviceRecord | undefined>;
  list(filter?: DeviceListFilter): Promise<DeviceRecord[]>;
  updateSummary(id: string, hostname: string, summary: Partial<DeviceSummaryFields>): Promise<void>;
  /** Writes many presence updates in one statement batch (call inside a transaction). */
  flushPresence(updates: readonly PresenceFlush[]): Promise<void>;
  /**
   * Devices recorded online (no declared state) but not seen since `before` turn unreachable;
   * answers them with their last sighting. In a cluster, for the devices of a hub that died and
   * did not come back.
   */
  markSilentUnreachable(before: Date): Promise<Array<{ id: string; lastSeenAt: Date }>>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface InventoryRepository {
  get(deviceId: string): Promise<StoredInventory | undefined>;
  /** Replaces the device's document and sets devices.inventory_hash / inventory_updated_at. */
  put(inventory: StoredInventory): Promise<void>;
}

export interface HealthSampleRepository {
  insertMany(samples: readonly HealthSampleRecord[]): Promise<void>;
  /** Newest first, at most `limit`, none older than `since`. */
  recent(deviceId: string, since: Date, limit: number): Promise<HealthSampleRecord[]>;
  /** Deletes samples older than `before`; answers how many. */
  prune(before: Date): Promise<number>;
}

export interface ProcessedMessageRepository {
  get(deviceId: string, messageId: string): Promise<ProcessedMessage | undefined>;
  /** Several lookups in one query, for batched heartbeats. */
  getMany(keys: ReadonlyArray<{ deviceId: string; messageId: string }>): Promise<ProcessedMessage[]>;
  putMany(messages: readonly ProcessedMessage[]): Promise<void>;
  /**
   * Insert-first claim of a message id (call inside the write's transaction, before anything
   * else): true when this caller claimed it, false when another write holds it already (read it
   * with `get`). A concurrent claim of the same id waits on the key, so two writers never both
   * pass. The result is filled in with `complete` before commit.
   */
  claim(message: Omit<ProcessedMessage, 'result'>): Promise<boolean>;
  complete(deviceId: string, messageId: string, result: unknown): Promise<void>;
  prune(before: Date): Promise<number>;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface Repositories extends TicketRepositories, HistoryRepositories, KbRepositories, IntegrationRepositories, FixRepositories, MailRepositories, ReleaseRepositories, SiteRepositories {
  readonly sites: SiteRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly enrollTokens: EnrollTokenRepository;
  readonly devices: DeviceRepository;
  readonly inventory: InventoryRepository;
  readonly health: HealthSampleRepository;
  readonly messages: ProcessedMessageRepository;
  readonly settings: SettingsRepository;
  readonly assets: AssetRepository;
  readonly groups: GroupRepository;
  readonly totp: TotpRepository;
  readonly deviceApprovals: DeviceApprovalRepository;
  readonly audit: AuditRepository;
  readonly alerts: AlertRepository;
  readonly notifications: NotificationOutboxRepository;
  readonly healthPolicies: HealthPolicyRepository;
  readonly deviceHealth: DeviceHealthRepository;
  /** Hourly health rollups: what is left of samples past the full-resolution window. */
  readonly healthRollups: HealthRollupRepository;
  /** Text look-ups for the console's global search. */
  readonly search: SearchRepository;
  /** Attempts at guessable secrets, counted before they are checked (shared by every hub). */
  readonly attempts: AttemptCounterRepository;
}

export interface Store extends Repositories {
  /** Which engine is underneath, for /healthz and logs. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Retention and upkeep in bounded steps (rollups, prunes, planner statistics). */
  readonly maintenance: StoreMaintenance;
  /**
   * Runs `fn` in one transaction; the repositories handed to it write inside it. Commits when the
   * promise resolves, rolls back when it rejects. Writes are acknowledged only after this resolves.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A trivial query, for /healthz. */
  ping(): Promise<void>;
  /** Leadership of cluster-wide jobs (see JobLeases); close it before the store. */
  openJobLeases(): JobLeases;
  /**
   * The PostgreSQL pool under the store (for a socket.io adapter that shares it); undefined on
   * SQLite. Typed loosely so the store's API does not carry the driver's types.
   */
  readonly postgresPool: unknown;
  close(): Promise<void>;
}

/**
 * Which hub runs a cluster-wide job (retention, SLA sweeps, session sweeps, …): at most one at a
 * time. On PostgreSQL a session advisory lock per job on a dedicated connection, released when
 * that hub dies; on SQLite (one hub) always this one.
 */
export interface JobLeases {
  /** Takes (or keeps) the job's lease; answers whether this hub now holds it. */
  tryTake(job: string): Promise<boolean>;
  /** Whether this hub holds the lease now (without asking the database). */
  holds(job: string): boolean;
  close(): Promise<void>;
}

/** How a transaction runs when other connections write too. */
export interface TransactionOptions {
  /** PostgreSQL isolation level (SQLite transactions are always serializable). Default: read committed. */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /**
   * Runs `fn` again (from the start, in a new transaction) this many times when the database
   * refuses it for a concurrent writer: SQLITE_BUSY (a stale read snapshot cannot be upgraded to
   * a write), PostgreSQL serialization failure or deadlock. Default 0. `fn` must be re-runnable.
   */
  retries?: number;
}

/** How to open a store: a SQLite file in `dataDir` by default, or a database URL. */
export interface OpenStoreOptions {
  /** Directory for the SQLite file (`deskside.db`); created if missing. */
  dataDir?: string;
  /** `sqlite:///path/file.db`, `sqlite::memory:` or `postgres://…` (PostgreSQL: password in the URL or PGPASSWORD). */
  databaseUrl?: string;
}
