import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LIMITS } from '../limits.js';
import { text, Timestamp } from './common.js';
import { DeviceStatusSchema } from './presence.js';

// Asset management (issue 6): the fields no agent can know, device groups, fleet-list filters and
// the inventory export. Nothing here imports device.ts, which imports this file.

/** Where a device is in its life. */
export const LifecycleSchema = z.enum(['in-use', 'in-stock', 'in-repair', 'retired']);
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30), between years 1970 and 2999. */
export const IsoDateSchema = z.iso.date().refine((s) => s >= '1970-01-01' && s <= '2999-12-31', {
  message: 'must be a date between 1970-01-01 and 2999-12-31',
});

/** A one-line technician-entered field: trimmed, bounded, no control characters. */
const line = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must be one line without control characters' });

/** A multi-line note: tabs and line breaks allowed, other control characters not. */
const note = z
  .string()
  .max(LIMITS.longText)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

export const ASSET_FIELD_LIMITS = {
  assetTag: 64,
  assignedTo: 128,
  department: 128,
  location: 128,
  supplier: 128,
  notes: LIMITS.longText,
} as const;

/** The asset fields a technician keeps; every one may be unset (`null`). */
export const AssetFieldsSchema = z.object({
  assetTag: text(ASSET_FIELD_LIMITS.assetTag).nullable(),
  assignedTo: text(ASSET_FIELD_LIMITS.assignedTo).nullable(),
  department: text(ASSET_FIELD_LIMITS.department).nullable(),
  location: text(ASSET_FIELD_LIMITS.location).nullable(),
  purchaseDate: IsoDateSchema.nullable(),
  supplier: text(ASSET_FIELD_LIMITS.supplier).nullable(),
  warrantyEnd: IsoDateSchema.nullable(),
  notes: text(ASSET_FIELD_LIMITS.notes).nullable(),
  lifecycle: LifecycleSchema.nullable(),
});
export type AssetFields = z.infer<typeof AssetFieldsSchema>;
export type AssetFieldName = keyof AssetFields;
export const ASSET_FIELD_NAMES = AssetFieldsSchema.keyof().options;

/** The asset fields as devices carry them, with who changed them last. */
export const DeviceAssetSchema = AssetFieldsSchema.extend({
  updatedAt: Timestamp.nullable(),
  /** Display name of the technician who last edited; null when never edited. */
  updatedBy: text(128).nullable(),
});
export type DeviceAsset = z.infer<typeof DeviceAssetSchema>;

/** Empty strings mean "clear it": the form sends what is in its boxes. */
const emptyToNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable());

/**
 * `PATCH /api/v1/devices/:id`: the fields to change, each optional; `null` or `""` clears it.
 * Strict: an unknown field (or an agent-owned one such as `hostname`) is refused, not ignored.
 */
export const DevicePatchSchema = z
  .object({
    assetTag: emptyToNull(line(ASSET_FIELD_LIMITS.assetTag)),
    assignedTo: emptyToNull(line(ASSET_FIELD_LIMITS.assignedTo)),
    department: emptyToNull(line(ASSET_FIELD_LIMITS.department)),
    location: emptyToNull(line(ASSET_FIELD_LIMITS.location)),
    purchaseDate: emptyToNull(IsoDateSchema),
    supplier: emptyToNull(line(ASSET_FIELD_LIMITS.supplier)),
    warrantyEnd: emptyToNull(IsoDateSchema),
    notes: emptyToNull(note),
    lifecycle: emptyToNull(LifecycleSchema),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'name at least one field to change' });
export type DevicePatch = z.infer<typeof DevicePatchSchema>;

/** One audited change of one asset field. */
export const AssetEditSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  field: z.enum(ASSET_FIELD_NAMES),
  before: text(LIMITS.longText).nullable(),
  after: text(LIMITS.longText).nullable(),
  at: Timestamp,
  userId: IdSchema,
  by: text(128),
});
export type AssetEdit = z.infer<typeof AssetEditSchema>;

/** `PATCH /api/v1/devices/:id` answer and `GET /api/v1/devices/:id/asset`. */
export const DeviceAssetResponseSchema = z.object({
  asset: DeviceAssetSchema,
  /** Newest first, bounded. */
  edits: z.array(AssetEditSchema).max(200),
});
export type DeviceAssetResponse = z.infer<typeof DeviceAssetResponseSchema>;

/** Query-string integers ("30") for the day filters; bounded to ten years. */
const days = z.coerce.number().int().min(0).max(3650);

/**
 * The fleet filters the device list, groups' saved filters and exports share, beyond `q`/`status`:
 * - `warrantyWithinDays=N`: warranty ends between today and N days from now (UTC dates);
 * - `notSeenForDays=N`: not seen for at least N days (never-seen devices count from enrolment).
 */
export const AssetListFilterSchema = z.object({
  group: IdSchema.optional(),
  warrantyWithinDays: days.optional(),
  notSeenForDays: days.optional(),
  lifecycle: LifecycleSchema.optional(),
});
export type AssetListFilter = z.infer<typeof AssetListFilterSchema>;

/** A group's saved filter: devices match when every field given matches (case-insensitive). */
export const GroupFilterSchema = z
  .object({
    /** Substring over hostname, OS, CPU and IP, as the fleet search. */
    q: line(128),
    department: line(ASSET_FIELD_LIMITS.department),
    location: line(ASSET_FIELD_LIMITS.location),
    lifecycle: LifecycleSchema,
    siteId: IdSchema,
  })
  .partial()
  .strict();
export type GroupFilter = z.infer<typeof GroupFilterSchema>;

export const GroupKindSchema = z.enum(['department', 'location', 'filter']);
export type GroupKind = z.infer<typeof GroupKindSchema>;

export const GroupSchema = z.object({
  id: IdSchema,
  name: text(128),
  kind: GroupKindSchema,
  filter: GroupFilterSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Group = z.infer<typeof GroupSchema>;

const groupName = line(128).refine((s) => s.length > 0, { message: 'must not be empty' });

/** `POST /api/v1/groups`. A department/location group needs that field in its filter. */
export const GroupCreateSchema = z
  .object({ name: groupName, kind: GroupKindSchema, filter: GroupFilterSchema })
  .strict()
  .refine((g) => g.kind === 'filter' || g.filter[g.kind] !== undefined, {
    message: 'a department or location group names that field in its filter',
    path: ['filter'],
  });
export type GroupCreate = z.infer<typeof GroupCreateSchema>;

/** `PATCH /api/v1/groups/:id`. */
export const GroupPatchSchema = z
  .object({ name: groupName, kind: GroupKindSchema, filter: GroupFilterSchema })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'name at least one field to change' });
export type GroupPatch = z.infer<typeof GroupPatchSchema>;

export const GroupListResponseSchema = z.object({ groups: z.array(GroupSchema) });
export type GroupListResponse = z.infer<typeof GroupListResponseSchema>;

/** Columns of the devices section an export may choose, in their default order. */
export const EXPORT_COLUMNS = [
  'id',
  'hostname',
  'status',
  'lastSeen',
  'os',
  'cpu',
  'ramBytes',
  'diskUsedBytes',
  'diskTotalBytes',
  'ip',
  'enrolledAt',
  'manufacturer',
  'model',
  'serial',
  'assetTag',
  'assignedTo',
  'department',
  'location',
  'purchaseDate',
  'supplier',
  'warrantyEnd',
  'lifecycle',
  'notes',
] as const;
export const ExportColumnSchema = z.enum(EXPORT_COLUMNS);
export type ExportColumn = z.infer<typeof ExportColumnSchema>;

export const ExportFormatSchema = z.enum(['csv', 'xlsx', 'json']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** `columns=hostname,assetTag,…`: a comma list, each a known column, no repeats. */
const columnList = z
  .string()
  .max(1024)
  .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
  .pipe(
    z
      .array(ExportColumnSchema)
      .min(1)
      .max(EXPORT_COLUMNS.length)
      .refine((cols) => new Set(cols).size === cols.length, { message: 'must not repeat a column' }),
  );

/** `GET /api/v1/export/inventory.{csv,xlsx,json}` query: the fleet view's filters plus columns. */
export const ExportQuerySchema = AssetListFilterSchema.extend({
  q: text(128).optional(),
  status: DeviceStatusSchema.optional(),
  columns: columnList.optional(),
}).strict();
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** The header naming how many devices an export holds, sent before the body (progress bars). */
export const EXPORT_TOTAL_HEADER = 'X-Total-Count';

/** `GET /api/v1/reports/software`: the most installed applications. */
export const SoftwareTopResponseSchema = z.object({
  applications: z.array(
    z.object({ name: text(), publisher: text().nullable(), installs: z.number().int().nonnegative(), versions: z.number().int().nonnegative() }),
  ),
  /** How many distinct applications the fleet has (the list may hold fewer: `limit`). */
  total: z.number().int().nonnegative().optional(),
});
export type SoftwareTopResponse = z.infer<typeof SoftwareTopResponseSchema>;

/** `GET /api/v1/reports/software?name=`: where each version of one application is installed. */
export const SoftwareVersionsResponseSchema = z.object({
  name: text(),
  installs: z.number().int().nonnegative(),
  versions: z.array(
    z.object({
      version: text(128).nullable(),
      count: z.number().int().nonnegative(),
      /** Bounded: the count is exact, the list stops at a few hundred. */
      devices: z.array(z.object({ id: IdSchema, hostname: text(255) })),
    }),
  ),
});
export type SoftwareVersionsResponse = z.infer<typeof SoftwareVersionsResponseSchema>;

/** `?name=`: one application's versions; otherwise the most installed, at most `limit` (default 200, up to 5,000). */
export const SoftwareReportQuerySchema = z.object({ name: text(256).min(1).optional(), limit: z.coerce.number().int().min(1).max(5_000).optional() }).strict();
export type SoftwareReportQuery = z.infer<typeof SoftwareReportQuerySchema>;
