import { newId, type DeviceMergeResponse } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { ServiceError } from '../service-error.js';

export interface MergeDeps {
  store: Store;
  clock: () => Date;
  /** Site check of the caller: a technician may only merge devices they can see. */
  canSee: (siteId: string) => boolean;
}

/**
 * Folds record `fromId` into `intoId` (usually the old record of a reinstalled PC into the new
 * one): its change history, health samples and hourly rollups move, and its inventory when `intoId` has none;
 * `fromId` is revoked and marked merged, and one 'merged' history row says so. One transaction.
 */
export async function mergeDevices(deps: MergeDeps, fromId: string, intoId: string): Promise<DeviceMergeResponse> {
  if (fromId === intoId) throw new ServiceError('invalid_payload', 'A device cannot be merged into itself.');
  const at = deps.clock();
  return deps.store.transaction(async (tx) => {
    const [from, into] = await Promise.all([tx.devices.findById(fromId), tx.devices.findById(intoId)]);
    if (!from || !deps.canSee(from.siteId) || !into || !deps.canSee(into.siteId)) throw new ServiceError('not_found', 'No such device.');
    if (from.revokedAt !== null) throw new ServiceError('conflict', 'This device record is already revoked or merged.');
    if (into.revokedAt !== null) throw new ServiceError('conflict', 'The target device record is revoked or merged.');
    const moved = await tx.deviceLinks.moveRecords(fromId, intoId);
    // Hours both records have merge (counts and sums add), so the survivor's long history is whole.
    const movedHealthRollups = await tx.healthRollups.moveDevice(fromId, intoId);
    await tx.deviceLinks.markMerged(fromId, intoId, at);
    const link = await tx.deviceLinks.get(intoId);
    if (link?.candidateId === fromId) await tx.deviceLinks.clearCandidate(intoId);
    await tx.devices.revoke(fromId, at);
    await tx.changes.insertMany([
      {
        id: newId(),
        deviceId: intoId,
        at,
        section: 'device',
        kind: 'merged',
        summary: `Record ${from.hostname} (enrolled ${from.enrolledAt.toISOString().slice(0, 10)}) merged into this one`,
        before: { deviceId: fromId, hostname: from.hostname },
        after: { deviceId: intoId },
      },
    ]);
    return { mergedId: fromId, intoId, movedChanges: moved.changes, movedHealthSamples: moved.healthSamples, movedHealthRollups, movedInventory: moved.inventory };
  });
}
