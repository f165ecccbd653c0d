import { z } from 'zod';
import { IdSchema, MessageIdSchema } from '../ids.js';
import { LIMITS } from '../limits.js';
import { text, Timestamp } from './common.js';

/** How bad: info (worth knowing), warning (act soon), critical (act now; may open a ticket). */
export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

/**
 * Lifecycle: open → acknowledged (a technician is on it) → resolved; snoozed hides it until a time.
 * An agent clearing the condition resolves it too. One open (non-resolved) alert per key.
 */
export const AlertStateSchema = z.enum(['open', 'acknowledged', 'snoozed', 'resolved']);
export type AlertState = z.infer<typeof AlertStateSchema>;

/** A check id: lowercase words with dashes (`disk-free`, `device-offline`). */
export const CheckIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lowercase check id');

/** Checks the agent evaluates, and the ones the hub raises itself. */
export const AGENT_CHECKS = [
  'disk-free',
  'memory-pressure',
  'cpu-sustained',
  'battery-health',
  'smart-failing',
  'antivirus',
  'firewall',
  'reboot-pending',
  'uptime',
] as const;
export const HUB_CHECKS = ['device-offline', 'duplicate-identity', 'inventory-change', 'sla-breach', 'ticket-reopened'] as const;

/**
 * The key of an alert is (device, check, subject); the device comes from the connection, never
 * the payload. `subject` names the thing within the device: a mount point, a disk serial, "" when
 * the check has a single subject.
 */
const AlertKeyFields = {
  check: CheckIdSchema,
  subject: text(LIMITS.shortText),
};

/** `alert:raise` (agent → hub): raise, or update the open alert with the same key. */
export const AlertRaiseSchema = z.object({
  id: MessageIdSchema,
  ...AlertKeyFields,
  severity: AlertSeveritySchema,
  message: text(1024).min(1),
  /** The measured value and the threshold it crossed, when the check is numeric. */
  value: z.number().finite().nullable(),
  threshold: z.number().finite().nullable(),
  observedAt: Timestamp,
});
export type AlertRaise = z.infer<typeof AlertRaiseSchema>;

/** `alert:clear` (agent → hub): the condition is over; the open alert with this key resolves. */
export const AlertClearSchema = z.object({
  id: MessageIdSchema,
  ...AlertKeyFields,
  observedAt: Timestamp,
});
export type AlertClear = z.infer<typeof AlertClearSchema>;

export const AlertWriteAckSchema = z.object({
  alertId: IdSchema.nullable(),
  state: AlertStateSchema.nullable(),
});
export type AlertWriteAck = z.infer<typeof AlertWriteAckSchema>;

/** An alert as technicians see it (console, `GET /api/v1/alerts`). */
export const AlertSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  hostname: text(255),
  ...AlertKeyFields,
  source: z.enum(['agent', 'hub']),
  severity: AlertSeveritySchema,
  state: AlertStateSchema,
  message: text(1024),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  raisedAt: Timestamp,
  updatedAt: Timestamp,
  /** When the condition cleared (agent or hub), if it did. */
  clearedAt: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedBy: text(128).nullable(),
  snoozedUntil: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: text(128).nullable(),
  /** Raised and cleared too often recently: shown as flapping, not as many alerts. */
  flapping: z.boolean(),
  /** How many times the condition came back while this alert stayed open. */
  occurrences: z.number().int().nonnegative(),
  ticketId: IdSchema.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** One line of an alert's history: who did what, when. */
export const AlertEventSchema = z.object({
  id: IdSchema,
  alertId: IdSchema,
  at: Timestamp,
  actor: z.object({ type: z.enum(['agent', 'hub', 'user']), userId: IdSchema.nullable(), name: text(128) }),
  action: z.enum(['raised', 'updated', 'cleared', 'acknowledged', 'snoozed', 'resolved', 'reopened', 'flapping', 'ticket-linked']),
  details: text(1024).nullable(),
});
export type AlertEvent = z.infer<typeof AlertEventSchema>;

/** `GET /api/v1/alerts?state=&deviceId=&severity=`. */
export const AlertListQuerySchema = z.object({
  state: AlertStateSchema.optional(),
  deviceId: IdSchema.optional(),
  severity: AlertSeveritySchema.optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

export const AlertListResponseSchema = z.object({ alerts: z.array(AlertSchema) });

/** Technician actions (HTTP `POST /api/v1/alerts/:id/{acknowledge,snooze,resolve}` and console commands). */
export const AlertAcknowledgeSchema = z.object({ alertId: IdSchema });
export const AlertSnoozeSchema = z.object({ alertId: IdSchema, until: Timestamp });
export const AlertResolveSchema = z.object({ alertId: IdSchema, note: text(LIMITS.longText).optional() });

/** `alerts:changed` (hub → console), coalesced like the device feed. */
export const AlertsChangedSchema = z.object({ alerts: z.array(AlertSchema) });
export type AlertsChanged = z.infer<typeof AlertsChangedSchema>;

/**
 * Thresholds the agent evaluates, pushed by the hub (global default, overridable per device
 * group). A condition must hold for `persistSamples` consecutive samples to raise, and must be
 * back past the threshold by `hysteresisPercent` to clear, so a value hovering at a threshold does
 * not flap.
 */
export const HealthPolicySchema = z.object({
  diskFreePercentMin: z.number().min(0).max(100),
  diskFreeGbMin: z.number().min(0).max(1_000_000),
  memoryUsedPercentMax: z.number().min(1).max(100),
  cpuPercentMax: z.number().min(1).max(100),
  /** Minutes a memory or CPU condition must last before it raises. */
  sustainMinutes: z.number().int().min(1).max(24 * 60),
  batteryHealthPercentMin: z.number().min(0).max(100),
  rebootPendingDaysMax: z.number().int().min(0).max(365),
  uptimeDaysMax: z.number().int().min(1).max(3650),
  persistSamples: z.number().int().min(1).max(100),
  hysteresisPercent: z.number().min(0).max(50),
  /** Checks switched off by policy. */
  disabledChecks: z.array(CheckIdSchema).max(32),
});
export type HealthPolicy = z.infer<typeof HealthPolicySchema>;

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  diskFreePercentMin: 10,
  diskFreeGbMin: 5,
  memoryUsedPercentMax: 90,
  cpuPercentMax: 95,
  sustainMinutes: 10,
  batteryHealthPercentMin: 60,
  rebootPendingDaysMax: 7,
  uptimeDaysMax: 30,
  persistSamples: 3,
  hysteresisPercent: 5,
  disabledChecks: [],
};
