import { newId, type DeviceMergeResponse } from '@deskside/protocol';
import type { AdminDeps } from '../admin/admin-deps.js';
import { revokeDevice } from '../admin/device-revocation.js';
import { visibleDevice } from '../access/visible-device.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';

/**
 * Folds record `fromId` into `intoId` (usually the old record of a reinstalled PC into the new
 * one): its change history, health samples and hourly rollups move, and its inventory when
 * `intoId` has none; one 'merged' history row says so. `fromId`'s credential ends through the one
 * revoke path (admin permission, site scope, audit `device.merge`, live sockets dropped), in the
 * same transaction as the moves.
 */
export async function mergeDevices(deps: AdminDeps, who: AuthenticatedUser, fromId: string, intoId: string): Promise<DeviceMergeResponse> {
  if (fromId === intoId) throw new ServiceError('invalid_payload', 'A device cannot be merged into itself.');
  await visibleDevice(deps.store.devices, who, intoId);
  const at = deps.clock();
  return revokeDevice(deps, who, fromId, 'device.merge', async (tx, from) => {
    const into = await tx.devices.findById(intoId);
    if (!into || into.revokedAt !== null) throw new ServiceError('conflict', 'The target device record is revoked or merged.');
    const moved = await tx.deviceLinks.moveRecords(fromId, intoId);
    // Hours both records have merge (counts and sums add), so the survivor's long history is whole.
    const movedHealthRollups = await tx.healthRollups.moveDevice(fromId, intoId);
    await tx.deviceLinks.markMerged(fromId, intoId, at);
    const link = await tx.deviceLinks.get(intoId);
    if (link?.candidateId === fromId) await tx.deviceLinks.clearCandidate(intoId);
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
    const result: DeviceMergeResponse = { mergedId: fromId, intoId, movedChanges: moved.changes, movedHealthSamples: moved.healthSamples, movedHealthRollups, movedInventory: moved.inventory };
    return { result, details: { intoId, movedChanges: result.movedChanges, movedHealthSamples: result.movedHealthSamples, movedHealthRollups, movedInventory: result.movedInventory } };
  });
}
