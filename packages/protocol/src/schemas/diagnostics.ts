import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { AlertSeveritySchema, CheckIdSchema } from './alert.js';
import { bytes, list, maybeText, text, Timestamp } from './common.js';

/** The connectivity check taken at the moment the employee clicked "Get help". */
export const ConnectivityCheckSchema = z.object({
  checkedAt: Timestamp,
  adapters: list(
    z.object({ name: text(), ipv4: list(text(64), LIMITS.addresses), ipv6: list(text(128), LIMITS.addresses), dhcp: z.boolean().nullable() }),
    32,
  ),
  defaultGateway: maybeText(64),
  gatewayReachable: z.boolean().nullable(),
  dnsServers: list(text(64), LIMITS.addresses),
  dnsResolves: z.boolean().nullable(),
  hubReachable: z.boolean().nullable(),
  /** Human-readable findings ("DNS lookup of the hub failed: ENOTFOUND"). */
  notes: list(text(512), 16),
});
export type ConnectivityCheck = z.infer<typeof ConnectivityCheckSchema>;

/**
 * Everything attached to a ticket from the employee's PC, shown to the employee before sending.
 * Never contains secrets: no tokens, keys, passwords or environment variables.
 */
export const DiagnosticsBundleSchema = z.object({
  collectedAt: Timestamp,
  summary: z.object({
    hostname: text(255),
    user: maybeText(128),
    os: maybeText(),
    model: maybeText(),
    serial: maybeText(),
    cpu: maybeText(),
    ramBytes: bytes().nullable(),
    ip: maybeText(64),
  }),
  openAlerts: list(z.object({ check: CheckIdSchema, subject: text(), severity: AlertSeveritySchema, message: text(1024) }), 64),
  /** Last 24 h of samples, at most one per 5 minutes. */
  samples: list(
    z.object({
      at: Timestamp,
      cpuPercent: z.number().min(0).max(100),
      memoryPercent: z.number().min(0).max(100),
      diskPercent: z.number().min(0).max(100).nullable(),
    }),
    300,
  ),
  recentSoftware: list(
    z.object({ name: text(), version: maybeText(64), change: z.enum(['installed', 'updated', 'removed']), at: Timestamp.nullable() }),
    100,
  ),
  rebootPending: z.boolean().nullable(),
  batteryWearPercent: z.number().min(0).max(100).nullable(),
  connectivity: ConnectivityCheckSchema.nullable(),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundleSchema>;
