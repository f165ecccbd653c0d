import type { EpochMs } from '../schema.js';

/** One inventory change of a device ("memory 16 GB → 8 GB"), computed by the hub. */
export interface DeviceChangesTable {
  id: string;
  device_id: string;
  at: EpochMs;
  section: string;
  kind: string;
  summary: string;
  /** JSON of the item or value before / after; NULL when there was none. */
  before: string | null;
  after: string | null;
}

/** Reinstall recognition and merges: one row per device that has either. */
export interface DeviceLinksTable {
  device_id: string;
  /** An older record that is probably the same PC (same serial + model + a MAC); never merged silently. */
  candidate_id: string | null;
  /** JSON array of what matched: "serial", "model", "mac". */
  matched_on: string | null;
  merged_into_id: string | null;
  merged_at: EpochMs | null;
  identity_key: string | null;
  macs: string | null;
}

export interface HistoryTables {
  device_changes: DeviceChangesTable;
  device_links: DeviceLinksTable;
}
