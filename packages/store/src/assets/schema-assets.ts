import type { EpochMs } from '../schema.js';

/** `device_assets`: one row per device a technician has described (migration 0004). */
export interface DeviceAssetsTable {
  device_id: string;
  asset_tag: string | null;
  assigned_to: string | null;
  department: string | null;
  location: string | null;
  /** `YYYY-MM-DD`: text compares in date order and means the same on both engines. */
  purchase_date: string | null;
  supplier: string | null;
  warranty_end: string | null;
  notes: string | null;
  lifecycle: string | null;
  updated_at: EpochMs;
  updated_by: string;
  updated_by_name: string;
}

/** `asset_edits`: one row per changed field, never updated. */
export interface AssetEditsTable {
  id: string;
  device_id: string;
  field: string;
  before: string | null;
  after: string | null;
  at: EpochMs;
  user_id: string;
  user_name: string;
}

/** `device_groups`: a named saved filter. */
export interface DeviceGroupsTable {
  id: string;
  name: string;
  kind: string;
  /** GroupFilter as JSON. */
  filter: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}
