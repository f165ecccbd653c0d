import { z } from 'zod';
import { AlertSchema } from './alert.js';
import { IdSchema } from '../ids.js';
import { AssetListFilterSchema, DeviceAssetSchema } from './asset.js';
import { bytes, maybeText, text, Timestamp } from './common.js';
import { MetricsSampleSchema } from './heartbeat.js';
import { DeviceChangeSchema, SameAssetCandidateSchema } from './device-changes.js';
import { InventoryDocumentSchema } from './inventory.js';
import { DeviceStatusSchema } from './presence.js';

/** One row of the fleet list, as the console and `GET /api/v1/devices` see it. */
export const DeviceSummarySchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  hostname: text(255),
  status: DeviceStatusSchema,
  lastSeen: Timestamp.nullable(),
  /** "Ubuntu 22.04.4 LTS", "Windows 11 Pro 23H2", … */
  os: maybeText(),
  cpu: maybeText(),
  ramBytes: bytes().nullable(),
  diskUsedBytes: bytes().nullable(),
  diskTotalBytes: bytes().nullable(),
  ip: maybeText(64),
  enrolledAt: Timestamp,
  /** The asset fields technicians keep (issue 6); absent from hubs that predate them. */
  asset: DeviceAssetSchema.optional(),
});
export type DeviceSummary = z.infer<typeof DeviceSummarySchema>;

export const HealthPointSchema = MetricsSampleSchema.extend({ at: Timestamp });
export type HealthPoint = z.infer<typeof HealthPointSchema>;

/** `GET /api/v1/devices/:id`: the summary plus the latest inventory and recent health. */
export const DeviceDetailSchema = DeviceSummarySchema.extend({
  machineId: text(128),
  inventory: InventoryDocumentSchema.nullable(),
  inventoryHash: z.string().nullable(),
  inventoryUpdatedAt: Timestamp.nullable(),
  health: z.array(HealthPointSchema),
  /** Latest inventory changes, newest first (at most 200); older pages via `/devices/:id/changes`. */
  changes: z.array(DeviceChangeSchema).optional(),
  /** An older record that is probably this same PC (reinstall), for a technician to merge or ignore. */
  sameAssetCandidate: SameAssetCandidateSchema.nullable().optional(),
  /** Set when this record was merged into another; it is then revoked. */
  mergedIntoId: IdSchema.nullable().optional(),
  /** Alerts of the device that are not resolved. */
  alerts: z.array(AlertSchema).optional(),
  /** Maintenance mode: the device's alerts are silenced until this time. */
  maintenanceUntil: Timestamp.nullable().optional(),
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

/** `total`: how many devices match (answered with a page, i.e. when `limit` was given). */
export const DeviceListResponseSchema = z.object({ devices: z.array(DeviceSummarySchema), total: z.number().int().min(0).optional() });
export type DeviceListResponse = z.infer<typeof DeviceListResponseSchema>;

/** Orders of the fleet list's pages. */
export const DeviceSortSchema = z.enum(['hostname', 'status', 'os', 'cpu', 'ram', 'ip', 'lastSeen']);
export type DeviceSort = z.infer<typeof DeviceSortSchema>;

/**
 * `GET /api/v1/devices` query. Without `limit` the answer is every matching device (by hostname);
 * with it, one page (`offset`, `sort`, `order`) and the `total`.
 */
export const DeviceListQuerySchema = z.object({
  q: text(128).optional(),
  status: DeviceStatusSchema.optional(),
  // group, warrantyWithinDays, notSeenForDays, lifecycle (asset.ts)
  ...AssetListFilterSchema.shape,
  sort: DeviceSortSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type DeviceListQuery = z.infer<typeof DeviceListQuerySchema>;
