import type { AssetEdit, AssetFields, DeviceAsset } from '@deskside/protocol';
import type { AssetEditRecord, AssetRecord } from '@deskside/store';

export const EMPTY_ASSET_FIELDS: AssetFields = {
  assetTag: null,
  assignedTo: null,
  department: null,
  location: null,
  purchaseDate: null,
  supplier: null,
  warrantyEnd: null,
  notes: null,
  lifecycle: null,
};

/** The wire shape of a device's asset fields; all null (never edited) when there is no record. */
export function toDeviceAsset(asset: AssetRecord | null | undefined): DeviceAsset {
  if (!asset) return { ...EMPTY_ASSET_FIELDS, updatedAt: null, updatedBy: null };
  return {
    assetTag: asset.assetTag,
    assignedTo: asset.assignedTo,
    department: asset.department,
    location: asset.location,
    purchaseDate: asset.purchaseDate,
    supplier: asset.supplier,
    warrantyEnd: asset.warrantyEnd,
    notes: asset.notes,
    lifecycle: asset.lifecycle,
    updatedAt: asset.updatedAt.toISOString(),
    updatedBy: asset.updatedByName.slice(0, 128),
  };
}

export function toAssetEdit(edit: AssetEditRecord): AssetEdit {
  return {
    id: edit.id,
    deviceId: edit.deviceId,
    field: edit.field,
    before: edit.before,
    after: edit.after,
    at: edit.at.toISOString(),
    userId: edit.userId,
    by: edit.userName.slice(0, 128),
  };
}
