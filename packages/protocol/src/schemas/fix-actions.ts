import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text, Timestamp } from './common.js';

// ---- The catalogue --------------------------------------------------------------------------
// A closed set of repairs. Each has typed, bounded parameters; the agent carries the per-OS
// implementation (never a command line from the hub) and refuses anything outside these schemas.

/**
 * Names an agent passes as one argv element to a service manager or package manager: no leading
 * dash (it would read as an option), no spaces, quotes, slashes or shell characters.
 */
const argName = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9][A-Za-z0-9@._+-]*$/, 'letters, digits and . _ + - @ only, not starting with a sign');
/** Network adapter names: Windows names contain spaces ("Wi-Fi 2"), never quotes or separators. */
const adapterName = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9 ._:()-]*$/, 'an adapter name of letters, digits, spaces and . _ : ( ) -');

export const FIX_PARAM_SCHEMAS = {
  'flush-dns': z.strictObject({}),
  'renew-dhcp': z.strictObject({ adapter: adapterName }),
  'reset-network-adapter': z.strictObject({ adapter: adapterName }),
  'restart-print-spooler': z.strictObject({ clearQueue: z.boolean() }),
  'clear-temp-files': z.strictObject({ olderThanDays: z.number().int().min(0).max(365), emptyRecycleBin: z.boolean() }),
  'restart-service': z.strictObject({ service: argName(100) }),
  'install-app': z.strictObject({ package: argName(128) }),
  'update-app': z.strictObject({ package: argName(128) }),
  'uninstall-app': z.strictObject({ package: argName(128) }),
  'collect-logs': z.strictObject({ sinceHours: z.number().int().min(1).max(168) }),
  'reboot': z.strictObject({ delayMinutes: z.number().int().min(0).max(1440) }),
} as const;

export type FixActionId = keyof typeof FIX_PARAM_SCHEMAS;
export const FIX_ACTION_IDS = Object.keys(FIX_PARAM_SCHEMAS) as [FixActionId, ...FixActionId[]];
export const FixActionIdSchema = z.enum(FIX_ACTION_IDS);
export type FixParams<A extends FixActionId> = z.infer<(typeof FIX_PARAM_SCHEMAS)[A]>;

/** Parses `params` for `action`; out-of-range or extra fields fail. */
export function parseFixParams(action: FixActionId, params: unknown): { ok: true; params: Record<string, unknown> } | { ok: false; message: string } {
  const parsed = FIX_PARAM_SCHEMAS[action].safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data as Record<string, unknown> };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${action}: ${issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'invalid parameters'}` };
}

export const FixOsSchema = z.enum(['linux', 'windows', 'macos']);
export type FixOs = z.infer<typeof FixOsSchema>;

/** A parameter as the console draws a field for it. */
export const FixParamDocSchema = z.object({
  name: text(64),
  label: text(128),
  kind: z.enum(['boolean', 'integer', 'text', 'choice']),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  default: z.union([z.boolean(), z.number(), z.string()]).optional(),
  /** `choice`: the admin-approved values (services, packages). */
  choices: z.array(text(128)).max(500).optional(),
});
export type FixParamDoc = z.infer<typeof FixParamDocSchema>;

/** One entry of `GET /api/v1/actions`. */
export const FixActionSchema = z.object({
  id: FixActionIdSchema,
  title: text(128),
  /** What will happen, in the words the employee reads in the consent prompt. */
  description: text(1024),
  params: z.array(FixParamDocSchema).max(8),
  /** Systems where the agent has an implementation. */
  os: z.array(FixOsSchema).max(3),
  /** Needs administrator rights: only an agent running as the system service can do it. */
  needsAdmin: z.boolean(),
  /** May an employee start it from the tray ("Fix it for me")? */
  selfService: z.boolean(),
  /** Whether this user may request it (permission and tier). */
  allowed: z.boolean(),
});
export type FixAction = z.infer<typeof FixActionSchema>;
export const FixActionListResponseSchema = z.object({ actions: z.array(FixActionSchema) });
export type FixActionListResponse = z.infer<typeof FixActionListResponseSchema>;

// ---- Requests (hub → agent), signed ----------------------------------------------------------

/**
 * What the hub signs: bound to the device, the action, its parameters, the ticket and an expiry.
 * The run id is single-use on the agent (replays are refused).
 */
export const FixRequestSchema = z.strictObject({
  runId: IdSchema,
  deviceId: IdSchema,
  action: FixActionIdSchema,
  params: z.record(z.string().max(64), z.union([z.boolean(), z.number(), z.string().max(256)])),
  ticketId: IdSchema.nullable(),
  /** The ticket's number and subject, shown to the employee as the reason. */
  reason: text(300),
  requestedBy: text(128),
  origin: z.enum(['technician', 'employee']),
  /** `unattended`: a group policy allows this action without asking (servers, kiosks). */
  consent: z.enum(['ask', 'unattended']),
  issuedAt: Timestamp,
  expiresAt: Timestamp,
});
export type FixRequest = z.infer<typeof FixRequestSchema>;

/** `action:request`: the request and an Ed25519 signature over its canonical JSON (base64url). */
export const SignedFixRequestSchema = z.strictObject({
  request: FixRequestSchema,
  signature: z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/),
});
export type SignedFixRequest = z.infer<typeof SignedFixRequestSchema>;

/** Text put in front of the canonical JSON before signing, so the key signs nothing else by accident. */
export const FIX_SIGNATURE_CONTEXT = 'deskside-fix-request-v1\n';

// ---- Progress and results (agent → hub) ------------------------------------------------------

export const FixRunStateSchema = z.enum([
  'requested',
  'awaiting-consent',
  'running',
  'succeeded',
  'failed',
  'declined',
  'deferred',
  'timed-out',
  'refused',
  'expired',
]);
export type FixRunState = z.infer<typeof FixRunStateSchema>;
/** States a run never leaves. */
export const FIX_FINAL_STATES: ReadonlySet<FixRunState> = new Set(['succeeded', 'failed', 'declined', 'deferred', 'timed-out', 'refused', 'expired']);

export const FIX_LIMITS = {
  /** Output kept from one run (after scrubbing), in characters. */
  outputChars: 16_000,
  /** How long a request stays valid after it is signed. */
  requestTtlMs: 10 * 60_000,
  /** How long the employee has to answer. */
  consentTimeoutMs: 5 * 60_000,
} as const;

/** `action:status`: one step of a run, idempotent on `id` like every agent write. */
export const FixStatusSchema = z.strictObject({
  id: IdSchema,
  runId: IdSchema,
  state: FixRunStateSchema.exclude(['requested', 'expired']),
  at: Timestamp,
  /** Why it was refused / declined, or a one-line summary of what was done. */
  message: text(1024).nullable(),
  exitCode: z.number().int().min(-1_000_000).max(1_000_000_000).nullable(),
  durationMs: z.number().int().nonnegative().max(86_400_000).nullable(),
  /** Bounded and scrubbed of secrets by the agent (the hub bounds it again). */
  output: text(FIX_LIMITS.outputChars).nullable(),
  /** clear-temp-files: what was measured first and what was freed. */
  bytesFreed: z.number().int().nonnegative().max(2 ** 53).nullable(),
});
export type FixStatus = z.infer<typeof FixStatusSchema>;

// ---- HTTP ------------------------------------------------------------------------------------

/** `POST /api/v1/devices/:id/actions`. */
export const FixRunCreateSchema = z.strictObject({
  action: FixActionIdSchema,
  params: z.record(z.string().max(64), z.unknown()).default({}),
  ticketId: IdSchema.optional(),
});
export type FixRunCreate = z.infer<typeof FixRunCreateSchema>;

/** One run as the console shows it. */
export const FixRunSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  ticketId: IdSchema.nullable(),
  action: FixActionIdSchema,
  params: z.record(z.string(), z.unknown()),
  state: FixRunStateSchema,
  origin: z.enum(['technician', 'employee']),
  requestedBy: text(128),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  expiresAt: Timestamp,
  message: text(1024).nullable(),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  output: text(FIX_LIMITS.outputChars).nullable(),
  bytesFreed: z.number().int().nullable(),
});
export type FixRun = z.infer<typeof FixRunSchema>;
export const FixRunResponseSchema = z.object({ run: FixRunSchema });
export const FixRunListResponseSchema = z.object({ runs: z.array(FixRunSchema) });
export type FixRunListResponse = z.infer<typeof FixRunListResponseSchema>;

/** `GET|PUT /api/v1/actions/policy`: the administrator's approved lists and unattended rules. */
export const FixPolicySchema = z.strictObject({
  /** Services `restart-service` may name. */
  services: z.array(z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9@._+-]*$/)).max(200),
  /** Packages `install-app` / `update-app` / `uninstall-app` may name (winget ids, brew or apt/dnf names). */
  packages: z.array(z.string().min(1).max(128).regex(/^[A-Za-z0-9][A-Za-z0-9@._+-]*$/)).max(500),
  /** Devices of these groups run these actions without asking (servers, kiosks, nobody signed in). */
  unattended: z.array(z.strictObject({ groupId: IdSchema, actions: z.array(FixActionIdSchema).max(FIX_ACTION_IDS.length) })).max(100),
  /** Actions employees may start from the tray ("Fix it for me"). */
  selfService: z.array(FixActionIdSchema).max(FIX_ACTION_IDS.length),
});
export type FixPolicy = z.infer<typeof FixPolicySchema>;

// ---- A group at once ------------------------------------------------------------------------

/** `POST /api/v1/groups/:id/actions[/preview]`: the same fix for every device of a group. */
export const FixBulkCreateSchema = z.strictObject({
  action: FixActionIdSchema,
  params: z.record(z.string().max(64), z.unknown()).default({}),
});
export type FixBulkCreate = z.infer<typeof FixBulkCreateSchema>;

/** The devices a group fix would reach, and which of them cannot take it now. */
export const FixBulkPreviewSchema = z.object({
  devices: z.array(z.object({ deviceId: IdSchema, hostname: text(255), outcome: z.enum(['ready', 'offline', 'busy']) })),
});
export type FixBulkPreview = z.infer<typeof FixBulkPreviewSchema>;

export const FixBulkResultSchema = z.object({
  runs: z.array(FixRunSchema),
  skipped: z.array(z.object({ deviceId: IdSchema, hostname: text(255), reason: text(1024) })),
});
export type FixBulkResult = z.infer<typeof FixBulkResultSchema>;

/**
 * Bytes a fix freed or measured, as the agent's summary, the ticket note and the console's run
 * list all say it ("3.0 MB"): one wording wherever a run is read.
 */
export function formatFixBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
