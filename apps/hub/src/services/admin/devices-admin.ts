import type { DeviceMergeResponse, PendingDevice } from '@deskside/protocol';
import { mergeDevices } from '../inventory-history/merge-devices.js';
import { nothingElse, revokeDevice } from './device-revocation.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { seesSite } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';
import { visibleDevice } from '../access/visible-device.js';

/** Device credentials: revoke (drops the live socket at once), the quarantine's approve / reject, merge. */
export interface DevicesAdmin {
  listPending(who: AuthenticatedUser): Promise<PendingDevice[]>;
  revoke(who: AuthenticatedUser, id: string): Promise<void>;
  approve(who: AuthenticatedUser, id: string): Promise<void>;
  reject(who: AuthenticatedUser, id: string): Promise<void>;
  /** Folds record `id` into `intoId`; ends `id`'s credential through the one revoke path. */
  merge(who: AuthenticatedUser, id: string, intoId: string): Promise<DeviceMergeResponse>;
}

export function createDevicesAdmin(deps: AdminDeps): DevicesAdmin {
  const find = (who: AuthenticatedUser, id: string) => visibleDevice(deps.store.devices, who, id);
  /** The other records with this machine id that `who` may see (another site's ids stay hidden). */
  const visibleTwins = async (who: AuthenticatedUser, machineId: string, exceptId: string): Promise<string[]> => {
    const ids = await deps.store.deviceApprovals.activeTwins(machineId, exceptId);
    const records = await Promise.all(ids.map((id) => deps.store.devices.findById(id)));
    return records.flatMap((r) => (r && seesSite(who, r.siteId) ? [r.id] : []));
  };
  return {
    async listPending(who) {
      const pending = (await deps.store.deviceApprovals.listPending()).filter((d) => seesSite(who, d.siteId));
      return Promise.all(
        pending.map(async (d) => ({
          id: d.id,
          siteId: d.siteId,
          hostname: d.hostname,
          machineId: d.machineId,
          enrolledAt: d.enrolledAt.toISOString(),
          twinIds: await visibleTwins(who, d.machineId, d.id),
        })),
      );
    },
    revoke: (who, id) => revokeDevice(deps, who, id, 'device.revoke', nothingElse),
    merge: (who, id, intoId) => mergeDevices(deps, who, id, intoId),
    async approve(who, id) {
      const device = await find(who, id);
      if (device.revokedAt !== null || device.approval !== 'pending-approval') throw new ServiceError('conflict', 'This device is not waiting for approval.');
      const actor = await actorOf(deps, who);
      await deps.store.transaction(async (tx) => {
        await tx.deviceApprovals.set(id, 'active');
        await deps.audit.recordIn(tx, actor, 'device.approve', `device:${id}`, { hostname: device.hostname, machineId: device.machineId });
      });
    },
    async reject(who, id) {
      const device = await find(who, id);
      if (device.approval !== 'pending-approval') throw new ServiceError('conflict', 'This device is not waiting for approval.');
      await revokeDevice(deps, who, id, 'device.reject', nothingElse);
    },
  };
}
