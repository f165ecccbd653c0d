import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { AlertEventSchema, AlertSchema, HealthPolicySchema } from './alert.js';
import { Timestamp } from './common.js';
import { InventoryDeltaSchema } from './inventory.js';

/**
 * HTTP answers that are not one of the payloads above: small wrappers the API routes answer with.
 * They are part of the OpenAPI document (GET /api/v1/openapi.json), so they are schemas here too.
 */

/** `{ok: true}`: an action that answers nothing else. */
export const OkResponseSchema = z.object({ ok: z.literal(true) });

/** `GET /healthz`. */
export const HealthzResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** `POST /api/v1/alerts/:id/{acknowledge,snooze,resolve}`: the alert as it now is. */
export const AlertResponseSchema = z.object({ alert: AlertSchema });

/** `GET /api/v1/alerts/:id`: the alert and its history. */
export const AlertDetailResponseSchema = z.object({ alert: AlertSchema, events: z.array(AlertEventSchema) });

/** `PUT /api/v1/devices/:id/maintenance` {until}. */
export const MaintenanceResponseSchema = z.object({ deviceId: IdSchema, maintenanceUntil: Timestamp.nullable() });

/** `DELETE /api/v1/users/:id/sessions`: how many sessions ended. */
export const RevokedCountResponseSchema = z.object({ revoked: z.number().int().nonnegative() });

/** `DELETE /api/v1/groups/:id`. */
export const GroupDeletedResponseSchema = z.object({ deleted: IdSchema });

/** `GET /api/v1/audit/verify`: whether the hash chain is intact, and where it breaks. */
export const AuditVerdictSchema = z.union([
  z.object({ ok: z.literal(true), rows: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), rows: z.number().int().nonnegative(), brokenAtSeq: z.number().int(), reason: z.string() }),
]);

/** The hub-only fields of the health policy (on top of what agents evaluate). */
export const HubHealthPolicySchema = HealthPolicySchema.extend({
  offlineMinutes: HealthPolicySchema.shape.sustainMinutes,
  autoTicketChecks: HealthPolicySchema.shape.disabledChecks,
  watchedSections: InventoryDeltaSchema.shape.remove,
});

/** `GET /api/v1/policies/health`. */
export const HealthPolicyResponseSchema = z.object({
  policy: HubHealthPolicySchema,
  updatedAt: Timestamp.nullable().optional(),
  updatedBy: z.string().nullable().optional(),
});

/** `GET/PUT/DELETE /api/v1/groups/:id/health-policy`. */
export const GroupPolicyResponseSchema = z.object({ groupId: IdSchema, override: HubHealthPolicySchema.partial().nullable() });
