import type { Selectable } from 'kysely';
import { ASSET_FIELD_NAMES, GroupFilterSchema, GroupKindSchema, LifecycleSchema, type AssetFieldName } from '@deskside/protocol';
import { fromJson } from '../mapping/json.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { AssetEditRecord, AssetRecord, GroupRecord } from '../asset-types.js';
import type { AssetEditsTable, DeviceAssetsTable, DeviceGroupsTable } from './schema-assets.js';

export function toAsset(row: Selectable<DeviceAssetsTable>): AssetRecord {
  return {
    deviceId: row.device_id,
    assetTag: row.asset_tag,
    assignedTo: row.assigned_to,
    department: row.department,
    location: row.location,
    purchaseDate: row.purchase_date,
    supplier: row.supplier,
    warrantyEnd: row.warranty_end,
    notes: row.notes,
    lifecycle: row.lifecycle === null ? null : LifecycleSchema.parse(row.lifecycle),
    updatedAt: fromMs(row.updated_at),
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
  };
}

export function assetRow(asset: AssetRecord): Selectable<DeviceAssetsTable> {
  return {
    device_id: asset.deviceId,
    asset_tag: asset.assetTag,
    assigned_to: asset.assignedTo,
    department: asset.department,
    location: asset.location,
    purchase_date: asset.purchaseDate,
    supplier: asset.supplier,
    warranty_end: asset.warrantyEnd,
    notes: asset.notes,
    lifecycle: asset.lifecycle,
    updated_at: toMs(asset.updatedAt),
    updated_by: asset.updatedBy,
    updated_by_name: asset.updatedByName,
  };
}

export function toAssetEdit(row: Selectable<AssetEditsTable>): AssetEditRecord {
  return {
    id: row.id,
    deviceId: row.device_id,
    field: toFieldName(row.field),
    before: row.before,
    after: row.after,
    at: fromMs(row.at),
    userId: row.user_id,
    userName: row.user_name,
  };
}

export function toGroup(row: Selectable<DeviceGroupsTable>): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    kind: GroupKindSchema.parse(row.kind),
    filter: GroupFilterSchema.parse(fromJson(row.filter)),
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

export function groupRow(group: GroupRecord): Selectable<DeviceGroupsTable> {
  return {
    id: group.id,
    name: group.name,
    kind: group.kind,
    filter: JSON.stringify(group.filter),
    created_at: toMs(group.createdAt),
    updated_at: toMs(group.updatedAt),
  };
}

function toFieldName(value: string): AssetFieldName {
  const field = ASSET_FIELD_NAMES.find((f) => f === value);
  if (field === undefined) throw new Error(`Unexpected field in asset_edits row: ${JSON.stringify(value)}`);
  return field;
}
