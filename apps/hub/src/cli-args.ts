import type { InventoryIntervals } from '@deskside/protocol';
import { ConfigError, DEFAULT_CONFIG, type HubConfig, type HubConfigOverrides } from './config.js';
import { MailUrlError, parseMailboxUrl, parseSmtpUrl } from './services/channels/mail/mail-urls.js';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'run'; overrides: HubConfigOverrides }
  | { kind: 'rotate-help' }
  | { kind: 'rotate-secrets'; overrides: HubConfigOverrides; adminPassword: boolean; enrollToken: boolean };

export const ROTATE_USAGE = `Usage: deskside-hub rotate-secrets [--admin-password] [--enroll-token] [--data-dir DIR | --database URL]

Generates new secrets and shows them once (stdout), for an operator who lost the ones shown at
first start. With neither flag, both are rotated.

  --admin-password   a new password for \`admin\` (or the oldest enabled administrator); its sessions end
  --enroll-token     a new enrolment token (expires after 7 days); earlier generated tokens are revoked,
                     tokens created in the console are kept
  --data-dir DIR     the hub's data directory (default ${DEFAULT_CONFIG.dataDir})
  --database URL     the hub's database, when not the SQLite file in --data-dir

Runs beside a running hub: what it changes is in the database every hub reads.
`;

export const USAGE = `Usage: deskside-hub [options]

Starts the Deskside hub: the technician console, the HTTP API and the agents' socket endpoint.

Options:
  --host HOST                    address to listen on (default ${DEFAULT_CONFIG.host})
  --port PORT                    port to listen on, 0 for any free port (default ${DEFAULT_CONFIG.port})
  --data-dir DIR                 where the SQLite database and first-start credentials live (default ${DEFAULT_CONFIG.dataDir})
  --database URL                 sqlite:///path/file.db or postgres://… instead of the file in --data-dir
  --tls-cert FILE                PEM certificate: serve HTTPS (API, console, agents) on the same port; needs --tls-key
  --tls-key FILE                 PEM private key of --tls-cert
  --heartbeat-seconds N          agent heartbeat cadence, 1-3600 (default ${DEFAULT_CONFIG.heartbeatSeconds})
  --offline-grace-seconds N      silence beyond a missed heartbeat before a device is unreachable, 0-86400 (default ${DEFAULT_CONFIG.offlineGraceSeconds})
  --agent-connect-rate N         new agent connections admitted per second, 1-100000 (default ${DEFAULT_CONFIG.agentConnectRate})
  --agent-handshake-concurrency N  agent handshakes processed at once, 1-100000 (default ${DEFAULT_CONFIG.agentHandshakeConcurrency})
  --agent-connections-per-address N  open agent connections from one address, 1-1000000 (default ${DEFAULT_CONFIG.agentAddressLimits.maxConnections})
  --agent-handshakes-per-address N   agent handshakes in progress from one address, 1-100000 (default ${DEFAULT_CONFIG.agentAddressLimits.maxPending})
  --idle-connection-seconds N    a connection must start a request within N seconds, 1-600 (default ${DEFAULT_CONFIG.connectionLimits.idleSeconds})
  --connections-per-address N    open connections from one address, every kind, 1-1000000 (default ${DEFAULT_CONFIG.connectionLimits.perAddress})
  --max-connections N            open connections in all, 16-1000000 (default: the open-file limit less 1024)
  --user-upload-mb-per-day N     what one signed-in user may upload per day, 1-100000 MB (default ${DEFAULT_CONFIG.uploadLimits.userPerDay / 1_000_000})
  --inventory-volatile-minutes N   agents re-read disks, volumes, network and users every N minutes, 1-1440 (default ${DEFAULT_CONFIG.inventoryIntervals.volatileSeconds / 60})
  --inventory-software-minutes N   agents re-read software and hardware sections every N minutes, 5-10080 (default ${DEFAULT_CONFIG.inventoryIntervals.softwareSeconds / 60})
  --inventory-full-hours N       agents send a full inventory every N hours, 1-720 (default ${DEFAULT_CONFIG.inventoryIntervals.fullSeconds / 3600})
  --allowed-origin URL           where browsers reach the console when not at this hub's own address
                                 (a load balancer, a reverse proxy); repeatable
  --alert-webhook URL            post critical alerts to this Slack/Teams-compatible webhook (http(s); or DESKSIDE_ALERT_WEBHOOK)
  --mailbox URL                  read this mailbox; its mail becomes tickets and replies (repeatable;
                                 imaps://user:password@host:993/INBOX[?site=ID&category=C]; or DESKSIDE_MAILBOX)
  --smtp URL                     send mail to requesters through this server (smtps://user:password@host:465[?from=ADDR];
                                 or DESKSIDE_SMTP)
  --mail-poll-seconds N          how often each mailbox is read, 5-3600 (default ${DEFAULT_CONFIG.mailPollSeconds})
  -h, --help                     show this help

Commands:
  rotate-secrets                 new admin password and/or enrolment token, shown once (rotate-secrets --help)

Environment:
  DESKSIDE_ADMIN_PASSWORD        password of the first account, \`admin\` (first start only; generated if unset)
  DESKSIDE_ENROLL_TOKEN          a fixed enrolment token, for scripted installs
  DESKSIDE_ALERT_WEBHOOK         webhook for critical alerts (the --alert-webhook flag wins)
  DESKSIDE_MAILBOX               mailbox URL(s), separated by spaces (keeps passwords out of the process list)
  DESKSIDE_SMTP                  SMTP URL for outgoing mail
  DESKSIDE_LOG_LEVEL             debug | info | warn | error (default info; logs go to stderr)
`;

type Setter = (overrides: HubConfigOverrides, value: string, flag: string) => void;

const FLAGS: Readonly<Record<string, Setter>> = {
  '--host': (o, v, f) => void (o.host = nonEmpty(v, f)),
  '--port': (o, v, f) => void (o.port = integer(v, f, 0, 65535)),
  '--data-dir': (o, v, f) => void (o.dataDir = nonEmpty(v, f)),
  '--database': (o, v, f) => void (o.databaseUrl = databaseUrl(v, f)),
  '--tls-cert': (o, v, f) => void (o.tlsCertFile = nonEmpty(v, f)),
  '--tls-key': (o, v, f) => void (o.tlsKeyFile = nonEmpty(v, f)),
  '--heartbeat-seconds': (o, v, f) => void (o.heartbeatSeconds = integer(v, f, 1, 3600)),
  '--offline-grace-seconds': (o, v, f) => void (o.offlineGraceSeconds = integer(v, f, 0, 86400)),
  '--agent-connect-rate': (o, v, f) => void (o.agentConnectRate = integer(v, f, 1, 100_000)),
  '--agent-handshake-concurrency': (o, v, f) => void (o.agentHandshakeConcurrency = integer(v, f, 1, 100_000)),
  '--agent-connections-per-address': (o, v, f) => void (o.agentAddressLimits = { ...addressLimits(o), maxConnections: integer(v, f, 1, 1_000_000) }),
  '--agent-handshakes-per-address': (o, v, f) => void (o.agentAddressLimits = { ...addressLimits(o), maxPending: integer(v, f, 1, 100_000) }),
  '--idle-connection-seconds': (o, v, f) => void (o.connectionLimits = { ...connectionLimits(o), idleSeconds: integer(v, f, 1, 600) }),
  '--connections-per-address': (o, v, f) => void (o.connectionLimits = { ...connectionLimits(o), perAddress: integer(v, f, 1, 1_000_000) }),
  '--max-connections': (o, v, f) => void (o.connectionLimits = { ...connectionLimits(o), total: integer(v, f, 16, 1_000_000) }),
  '--user-upload-mb-per-day': (o, v, f) => void (o.uploadLimits = { ...(o.uploadLimits ?? DEFAULT_CONFIG.uploadLimits), userPerDay: integer(v, f, 1, 100_000) * 1_000_000 }),
  '--alert-webhook': (o, v, f) => void (o.alertWebhook = webhookUrl(v, f)),
  '--mailbox': (o, v, f) => void (o.mailboxes = [...(o.mailboxes ?? []), mailUrl(v, f, parseMailboxUrl)]),
  '--smtp': (o, v, f) => void (o.smtp = mailUrl(v, f, parseSmtpUrl)),
  '--mail-poll-seconds': (o, v, f) => void (o.mailPollSeconds = integer(v, f, 5, 3600)),
  '--allowed-origin': (o, v, f) => void (o.allowedOrigins = [...(o.allowedOrigins ?? []), origin(v, f)]),
  '--inventory-volatile-minutes': (o, v, f) => void (o.inventoryIntervals = { ...intervals(o), volatileSeconds: integer(v, f, 1, 1440) * 60 }),
  // One flag for both hourly groups: they share a cadence by default and rarely need telling apart.
  '--inventory-software-minutes': (o, v, f) => {
    const seconds = integer(v, f, 5, 10_080) * 60;
    o.inventoryIntervals = { ...intervals(o), softwareSeconds: seconds, hardwareSeconds: seconds };
  },
  '--inventory-full-hours': (o, v, f) => void (o.inventoryIntervals = { ...intervals(o), fullSeconds: integer(v, f, 1, 720) * 3600 }),
};

/** Parses `deskside-hub` arguments (without node and the script). Throws ConfigError for anything wrong. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  if (argv[0] === 'rotate-secrets') return parseRotateArgs(argv.slice(1));
  const overrides: HubConfigOverrides = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const setter = FLAGS[flag];
    if (!setter) throw new ConfigError(`Unknown option: ${arg.slice(0, 100)}. Run deskside-hub --help for the options.`);
    let value: string | undefined;
    if (eq !== -1 && flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(`${flag} needs a value.`);
      i++;
    }
    setter(overrides, value, flag);
  }
  return { kind: 'run', overrides };
}

const ROTATE_FLAGS = new Set(['--data-dir', '--database']);

function parseRotateArgs(argv: readonly string[]): CliCommand {
  const overrides: HubConfigOverrides = {};
  let adminPassword = false;
  let enrollToken = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'rotate-help' };
    if (arg === '--admin-password') adminPassword = true;
    else if (arg === '--enroll-token') enrollToken = true;
    else {
      const eq = arg.indexOf('=');
      const flag = eq !== -1 ? arg.slice(0, eq) : arg;
      const setter = FLAGS[flag];
      if (!ROTATE_FLAGS.has(flag) || !setter) throw new ConfigError(`Unknown option for rotate-secrets: ${arg.slice(0, 100)}. Run deskside-hub rotate-secrets --help.`);
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(`${flag} needs a value.`);
      setter(overrides, value, flag);
    }
  }
  // Neither named: both, the one-step way back in.
  if (!adminPassword && !enrollToken) adminPassword = enrollToken = true;
  return { kind: 'rotate-secrets', overrides, adminPassword, enrollToken };
}

function intervals(o: HubConfigOverrides): Required<InventoryIntervals> {
  return { ...(o.inventoryIntervals ?? DEFAULT_CONFIG.inventoryIntervals) };
}

function addressLimits(o: HubConfigOverrides): HubConfig['agentAddressLimits'] {
  return { ...(o.agentAddressLimits ?? DEFAULT_CONFIG.agentAddressLimits) };
}

function connectionLimits(o: HubConfigOverrides): HubConfig['connectionLimits'] {
  return { ...(o.connectionLimits ?? DEFAULT_CONFIG.connectionLimits) };
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new ConfigError(`${flag} needs a value.`);
  return value;
}

function integer(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new ConfigError(`${flag} must be a whole number, got "${value.slice(0, 40)}".`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${flag} must be between ${min} and ${max}, got ${value.slice(0, 40)}.`);
  return n;
}

function databaseUrl(value: string, flag: string): string {
  if (!/^(sqlite:|postgres:|postgresql:)/i.test(value)) {
    throw new ConfigError(`${flag} must be a sqlite: or postgres:// URL.`);
  }
  return value;
}

/** The origin (scheme://host[:port]) of an http(s) URL. */
function origin(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${flag} must be an http(s) URL, e.g. https://desk.example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${flag} must be an http(s) URL.`);
  return url.origin;
}

function webhookUrl(value: string, flag: string): string {
  let ok = false;
  try {
    const url = new URL(value);
    ok = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && value.length <= 2048;
  } catch {
    ok = false;
  }
  // Never echo the value: a webhook URL carries its secret in the path.
  if (!ok) throw new ConfigError(`${flag} must be an http:// or https:// URL.`);
  return value;
}

function mailUrl(value: string, flag: string, parse: (v: string) => unknown): string {
  try {
    parse(value);
  } catch (err) {
    // The message never repeats the URL: it carries a password.
    if (err instanceof MailUrlError) throw new ConfigError(`${flag}: ${err.message}`);
    throw err;
  }
  return value;
}
