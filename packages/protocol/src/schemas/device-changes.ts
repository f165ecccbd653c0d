import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LIMITS } from '../limits.js';
import { text, Timestamp } from './common.js';

/** What kind of change a history row records. */
export const DeviceChangeKindSchema = z.enum(['added', 'removed', 'changed', 'upgraded', 'downgraded', 'merged']);
export type DeviceChangeKind = z.infer<typeof DeviceChangeKindSchema>;

/**
 * One row of a device's change history, computed by the hub from two inventory documents
 * ("memory 16 GB → 8 GB", "software X 1.2 → 1.3"). `before`/`after` hold the changed item or
 * value as the agent sent it (hostile text: render as text only).
 */
export const DeviceChangeSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  at: Timestamp,
  /** The inventory section (`software`, `memory`, …) or `device` for merges. */
  section: text(64),
  kind: DeviceChangeKindSchema,
  summary: text(LIMITS.longText),
  before: z.unknown(),
  after: z.unknown(),
});
export type DeviceChange = z.infer<typeof DeviceChangeSchema>;

/** `GET /api/v1/devices/:id/changes?before=&limit=`: newest first, `before` an instant (exclusive). */
export const DeviceChangesQuerySchema = z.object({
  before: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type DeviceChangesQuery = z.infer<typeof DeviceChangesQuerySchema>;

export const DeviceChangesResponseSchema = z.object({ changes: z.array(DeviceChangeSchema) });
export type DeviceChangesResponse = z.infer<typeof DeviceChangesResponseSchema>;

/**
 * A record the hub believes is the same physical PC (same usable serial + model + a matching MAC),
 * typically the record of the PC before its OS was reinstalled. Never merged silently: a technician
 * confirms with `POST /api/v1/devices/:id/merge`.
 */
export const SameAssetCandidateSchema = z.object({
  deviceId: IdSchema,
  hostname: text(255),
  enrolledAt: Timestamp,
  /** Which identifiers matched: `serial`, `model`, `mac`. */
  matchedOn: z.array(text(32)).max(8),
});
export type SameAssetCandidate = z.infer<typeof SameAssetCandidateSchema>;

/**
 * `POST /api/v1/devices/:id/merge {intoId}`: folds the record `:id` into `intoId`. The history,
 * health samples and (when `intoId` has none) the inventory of `:id` move to `intoId`; `:id` is
 * revoked and marked merged into `intoId`. Usually `:id` is the older record and `intoId` the newer.
 */
export const DeviceMergeRequestSchema = z.object({ intoId: IdSchema });
export type DeviceMergeRequest = z.infer<typeof DeviceMergeRequestSchema>;

export const DeviceMergeResponseSchema = z.object({
  mergedId: IdSchema,
  intoId: IdSchema,
  movedChanges: z.number().int().nonnegative(),
  movedHealthSamples: z.number().int().nonnegative(),
  /** Hourly health rollups moved (hours both records have are merged); absent from older hubs. */
  movedHealthRollups: z.number().int().nonnegative().optional(),
  movedInventory: z.boolean(),
});
export type DeviceMergeResponse = z.infer<typeof DeviceMergeResponseSchema>;
