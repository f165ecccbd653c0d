import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './services/uploads/upload-budget.js';
import { DEFAULT_INVENTORY_INTERVALS, type InventoryIntervals } from '@deskside/protocol';
import type { RetentionConfig } from './services/maintenance/retention-policy.js';
import { MailUrlError, parseMailboxUrl, parseSmtpUrl } from './services/channels/mail/mail-urls.js';

/**
 * The hub's settings: defaults, overridden by CLI flags, with the two secrets read from the
 * environment (never from flags, which other users can read in the process list).
 */
export interface HubConfig {
  host: string;
  port: number;
  /** SQLite file, initial-credentials.json. */
  dataDir: string;
  /** `sqlite:///…` or `postgres://…`; when unset, a SQLite file in `dataDir`. */
  databaseUrl?: string;
  /** DESKSIDE_ADMIN_PASSWORD: the `admin` password on first start (generated otherwise). */
  adminPassword?: string;
  /** DESKSIDE_ENROLL_TOKEN: a fixed enrolment token for scripted installs. */
  enrollToken?: string;
  /** `--alert-webhook` / DESKSIDE_ALERT_WEBHOOK: where critical alerts are posted (http(s); a secret, never logged). */
  alertWebhook?: string;
  /** `--mailbox` / DESKSIDE_MAILBOX: imap(s):// URLs of mailboxes whose mail becomes tickets (secrets, never logged). */
  mailboxes: string[];
  /** `--smtp` / DESKSIDE_SMTP: smtp(s):// URL outgoing mail goes through (a secret, never logged). */
  smtp?: string;
  /** How often each mailbox is read. */
  mailPollSeconds: number;
  /** Mails larger than this are refused with a polite answer. */
  mailMaxBytes: number;
  /** Agent heartbeat cadence, pushed to agents in their policy. */
  heartbeatSeconds: number;
  /** A device is unreachable after heartbeatSeconds + offlineGraceSeconds without a heartbeat. */
  offlineGraceSeconds: number;
  /** A silent device becomes overdue after this many hours. */
  overdueHours: number;
  /** Console session lifetime. */
  sessionHours: number;
  /** PEM certificate and key: the hub serves HTTPS (API, console, socket.io) on the same port. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** Browser origins allowed to call the hub; empty means "the hub's own origin(s)", filled in at listen. */
  allowedOrigins: string[];
  /** Admission limit: agent handshakes processed at the same time (a reconnect storm waits its turn). */
  agentHandshakeConcurrency: number;
  /** Admission limit: new agent connections admitted per second; the excess is refused with rate_limited. */
  agentConnectRate: number;
  /** Per remote address: open agent connections and handshakes in progress (an office behind NAT shares one address). */
  agentAddressLimits: Readonly<{ maxConnections: number; maxPending: number }>;
  /**
   * Every TCP connection, before it has said who it is: seconds to start its first request, open
   * connections per remote address and in all (unset: the open-file limit less a reserve).
   */
  connectionLimits: Readonly<{ idleSeconds: number; perAddress: number; total?: number }>;
  /** Bytes a device and a signed-in user may upload per rolling day (attachments, screenshots, images). */
  uploadLimits: Readonly<UploadLimits>;
  /** Inventory cadence by section group, pushed to agents in `AgentPolicy.inventoryIntervals`. */
  inventoryIntervals: Readonly<Required<InventoryIntervals>>;
  /** What the maintenance job keeps and how it cleans up (health samples, rollups, message records). */
  retention: Readonly<RetentionConfig>;
}

export const DEFAULT_CONFIG: Readonly<HubConfig> = Object.freeze({
  host: '127.0.0.1',
  port: 4800,
  dataDir: './.deskside',
  heartbeatSeconds: 30,
  mailboxes: [],
  mailPollSeconds: 30,
  // A mail is base64 (4/3) of what it carries: ~20 MB of attachments fit, a 30 MB mail does not.
  mailMaxBytes: 25_000_000,
  offlineGraceSeconds: 45,
  overdueHours: 24,
  sessionHours: 12,
  allowedOrigins: [],
  agentHandshakeConcurrency: 200,
  agentConnectRate: 1000,
  agentAddressLimits: Object.freeze({ maxConnections: 2000, maxPending: 100 }),
  // Above the agents' own per-address cap, so an office's agents behind one NAT address still fit
  // with its technicians' consoles; 15 s to the first request, like the header timeout.
  connectionLimits: Object.freeze({ idleSeconds: 15, perAddress: 2500 }),
  uploadLimits: DEFAULT_UPLOAD_LIMITS,
  // The documented defaults: volatile sections every 5 min, software/hardware hourly, full daily.
  inventoryIntervals: Object.freeze({ ...DEFAULT_INVENTORY_INTERVALS }),
  // Samples at full resolution for a week, hourly for 400 days (a year plus a month, to compare
  // with the same month last year). Why the message windows: SHORT_RETRY_KINDS. Batch size,
  // measured on 1M aged samples (2 shared cores): 5,000-row rollup batches hold SQLite's writer
  // ~57 ms (p50; p95 83 ms) at ~82k rows/s; 2,000 rows are hardly shorter (~44 ms: each batch pays
  // one fsync and its hours' rollups) at 34k rows/s; 20,000 rows take ~210 ms for no more speed.
  // At 400 PCs an hourly run is ~10 batches (~0.6 s of writer time an hour).
  retention: Object.freeze({
    healthRawDays: 7,
    healthRollupDays: 400,
    shortRetryMessageDays: 7,
    messageDays: 400,
    kbSearchDays: 180,
    intervalMinutes: 60,
    firstRunDelaySeconds: 120,
    batchRows: 5_000,
    batchPauseMs: 20,
  }),
});

/** What the CLI can set; everything else keeps its default. */
export type HubConfigOverrides = Partial<Omit<HubConfig, 'adminPassword' | 'enrollToken'>>;

/** Thrown for a setting that cannot work; the CLI turns it into exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Merges defaults, overrides and the environment's secrets, and checks the secrets' bounds. */
export function resolveConfig(overrides: HubConfigOverrides = {}, env: NodeJS.ProcessEnv = {}): HubConfig {
  const config: HubConfig = { ...DEFAULT_CONFIG, allowedOrigins: [], ...overrides };
  const adminPassword = env['DESKSIDE_ADMIN_PASSWORD'];
  if (adminPassword !== undefined && adminPassword !== '') {
    if (adminPassword.length > 1024) throw new ConfigError('DESKSIDE_ADMIN_PASSWORD must be at most 1024 characters.');
    config.adminPassword = adminPassword;
  }
  const enrollToken = env['DESKSIDE_ENROLL_TOKEN'];
  if (enrollToken !== undefined && enrollToken !== '') {
    // The bounds of EnrollRequest.enrollToken: a token outside them could never be presented.
    if (enrollToken.length < 8 || enrollToken.length > 256) {
      throw new ConfigError('DESKSIDE_ENROLL_TOKEN must be 8 to 256 characters long.');
    }
    config.enrollToken = enrollToken;
  }
  // Flags win over the environment; DESKSIDE_MAILBOX holds one or more URLs separated by spaces.
  const mailboxes = env['DESKSIDE_MAILBOX'];
  if (config.mailboxes.length === 0 && mailboxes !== undefined && mailboxes.trim() !== '') config.mailboxes = mailboxes.trim().split(/\s+/);
  const smtp = env['DESKSIDE_SMTP'];
  if (config.smtp === undefined && smtp !== undefined && smtp.trim() !== '') config.smtp = smtp.trim();
  try {
    config.mailboxes.forEach(parseMailboxUrl);
    if (config.smtp !== undefined) parseSmtpUrl(config.smtp);
  } catch (err) {
    if (err instanceof MailUrlError) throw new ConfigError(err.message);
    throw err;
  }
  const webhook = env['DESKSIDE_ALERT_WEBHOOK'];
  // The flag wins over the environment; both must be http(s) URLs.
  if (config.alertWebhook === undefined && webhook !== undefined && webhook !== '') config.alertWebhook = webhook;
  if (config.alertWebhook !== undefined && !isHttpUrl(config.alertWebhook)) {
    throw new ConfigError('The alert webhook must be an http:// or https:// URL.');
  }
  return config;
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
