import { ASSET_FIELD_NAMES, type AssetFields, type DeviceAssetResponse, type DevicePatch } from '@deskside/protocol';
import type { AssetEditRecord, AssetRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { ServiceError } from '../service-error.js';
import type { Actor } from '../access/actor.js';
import type { AssetAuditHook } from './audit-hook.js';
import { EMPTY_ASSET_FIELDS, toAssetEdit, toDeviceAsset } from './device-asset.js';

export interface AssetServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  audit: AssetAuditHook;
}

export interface AssetService {
  /** The device's asset fields and its latest edits; undefined for an unknown or revoked device. */
  get(deviceId: string, siteIds?: readonly string[]): Promise<DeviceAssetResponse | undefined>;
  /** Applies a patch, keeps one asset_edits row per changed field, and audits it. */
  patch(deviceId: string, patch: DevicePatch, actor: Actor, siteIds?: readonly string[]): Promise<DeviceAssetResponse>;
}

const EDITS_SHOWN = 50;

export function createAssetService(deps: AssetServiceDeps): AssetService {
  const { store } = deps;

  const visible = async (deviceId: string, siteIds?: readonly string[]) => {
    const device = await store.devices.findById(deviceId);
    if (!device || device.revokedAt !== null) return undefined;
    if (siteIds !== undefined && !siteIds.includes(device.siteId)) return undefined;
    return device;
  };

  const answer = async (deviceId: string, asset: AssetRecord | undefined): Promise<DeviceAssetResponse> => ({
    asset: toDeviceAsset(asset),
    edits: (await store.assets.listEdits(deviceId, EDITS_SHOWN)).map(toAssetEdit),
  });

  return {
    async get(deviceId, siteIds) {
      if (!(await visible(deviceId, siteIds))) return undefined;
      return answer(deviceId, await store.assets.get(deviceId));
    },

    async patch(deviceId, patch, actor, siteIds) {
      if (!(await visible(deviceId, siteIds))) throw new ServiceError('not_found', 'No such device.');
      const now = deps.clock();
      const { next, edits } = await store.transaction(async (tx) => {
        const current = await tx.assets.get(deviceId);
        const before: AssetFields = current ? pickFields(current) : EMPTY_ASSET_FIELDS;
        const after: AssetFields = { ...before, ...patch };
        const changes: AssetEditRecord[] = ASSET_FIELD_NAMES.filter((f) => before[f] !== after[f]).map((field) => ({
          id: deps.newId(),
          deviceId,
          field,
          before: before[field],
          after: after[field],
          at: now,
          userId: actor.userId,
          userName: actor.name,
        }));
        if (changes.length === 0) return { next: current, edits: changes };
        const record: AssetRecord = { deviceId, ...after, updatedAt: now, updatedBy: actor.userId, updatedByName: actor.name };
        await tx.assets.put(record);
        await tx.assets.addEdits(changes);
        return { next: record, edits: changes };
      });
      if (edits.length > 0) {
        await deps.audit({
          actorId: actor.userId,
          actorName: actor.name,
          action: 'asset.edit',
          target: `device:${deviceId}`,
          details: { changes: edits.map((e) => ({ field: e.field, before: e.before, after: e.after })) },
        });
      }
      return answer(deviceId, next);
    },
  };
}

function pickFields(asset: AssetRecord): AssetFields {
  const { deviceId: _d, updatedAt: _u, updatedBy: _b, updatedByName: _n, ...fields } = asset;
  return fields;
}
