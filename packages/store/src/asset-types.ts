/**
 * Asset records (issue 6): the fields technicians keep per device, their audited edits, device
 * groups with saved filters, and keyset-paged fleet reads for exports.
 */
import type { AssetFieldName, GroupFilter, GroupKind, InventorySectionName, Lifecycle } from '@deskside/protocol';
import type { DeviceRecord } from './types.js';

/** Parsed JSON of the inventory sections asked for; a section the document lacks is absent. */
export type StoredSections = Partial<Record<InventorySectionName, unknown>>;

export interface AssetRecord {
  deviceId: string;
  assetTag: string | null;
  assignedTo: string | null;
  department: string | null;
  location: string | null;
  /** `YYYY-MM-DD`. */
  purchaseDate: string | null;
  supplier: string | null;
  /** `YYYY-MM-DD`. */
  warrantyEnd: string | null;
  notes: string | null;
  lifecycle: Lifecycle | null;
  updatedAt: Date;
  /** User id and display name of who last edited (the name as it was then). */
  updatedBy: string;
  updatedByName: string;
}

/** One field's change: who, when, before → after (stored as text; null when unset). */
export interface AssetEditRecord {
  id: string;
  deviceId: string;
  field: AssetFieldName;
  before: string | null;
  after: string | null;
  at: Date;
  userId: string;
  userName: string;
}

export interface GroupRecord {
  id: string;
  name: string;
  kind: GroupKind;
  filter: GroupFilter;
  createdAt: Date;
  updatedAt: Date;
}

/** What a fleet page read keeps; every field given must match. */
export interface FleetPageFilter {
  /** Case-insensitive substring over hostname, OS, CPU and IP; several terms must all match. */
  q?: string | readonly string[];
  siteIds?: readonly string[];
  deviceIds?: readonly string[];
  /** Case-insensitive equality. */
  department?: string;
  location?: string;
  lifecycle?: Lifecycle;
  /** Warranty ends on or after / on or before (`YYYY-MM-DD`, inclusive). */
  warrantyFrom?: string;
  warrantyTo?: string;
  /** Last seen before this instant; never-seen devices enrolled before it count too. */
  notSeenSince?: Date;
}

/** Where the next page starts: after this device in (lower(hostname), hostname, id) order. */
export interface FleetCursor {
  hostname: string;
  id: string;
}

export interface DeviceWithAsset {
  device: DeviceRecord;
  asset: AssetRecord | null;
}

export interface AssetRepository {
  get(deviceId: string): Promise<AssetRecord | undefined>;
  /** Inserts or replaces the device's asset fields. */
  put(asset: AssetRecord): Promise<void>;
  addEdits(edits: readonly AssetEditRecord[]): Promise<void>;
  /** Newest first. */
  listEdits(deviceId: string, limit: number): Promise<AssetEditRecord[]>;
  /** Asset fields of many devices (absent ones are left out). */
  getMany(deviceIds: readonly string[]): Promise<Map<string, AssetRecord>>;
  /**
   * One page of non-revoked devices with their asset fields, in the fleet list's order
   * (case-insensitive hostname, then hostname, then id), strictly after `after`.
   */
  /** `offset` skips that many after the cursor (a numbered page of the console's list). */
  page(filter: FleetPageFilter, after: FleetCursor | null, limit: number, offset?: number): Promise<DeviceWithAsset[]>;
  count(filter: FleetPageFilter): Promise<number>;
  /**
   * Just these sections of the devices' stored inventory documents, as parsed JSON, NOT
   * validated: an export or report reads one or two sections and validates only those (the full
   * schema, and even parsing the whole document, costs too much per device).
   */
  inventorySections(deviceIds: readonly string[], sections: readonly InventorySectionName[]): Promise<Map<string, StoredSections>>;
}

export interface GroupRepository {
  list(): Promise<GroupRecord[]>;
  findById(id: string): Promise<GroupRecord | undefined>;
  create(group: GroupRecord): Promise<void>;
  /** Answers false when there is no such group. */
  update(group: GroupRecord): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}
