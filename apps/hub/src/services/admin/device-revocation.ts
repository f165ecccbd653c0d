import type { DeviceRecord, Repositories } from '@deskside/store';
import { can } from '../access/permissions.js';
import { visibleDevice } from '../access/visible-device.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';

/** Why a device's credential ends; each is its own audit action. */
export type RevokeReason = 'device.revoke' | 'device.reject' | 'device.merge';

/**
 * THE one way a device credential ends (revoke, reject from quarantine, merge into another
 * record): the `devices.revoke` permission (admin), the caller's site scope, one transaction
 * with the revocation, `alsoIn` (the merge's moves) and the audit row, then, after the commit,
 * the device's live sockets dropped here and on other hubs. Nothing else calls `devices.revoke`
 * (a test in this folder checks the sources).
 */
export async function revokeDevice<T>(
  deps: AdminDeps,
  who: AuthenticatedUser,
  id: string,
  reason: RevokeReason,
  alsoIn: (tx: Repositories, device: DeviceRecord) => Promise<{ result: T; details: Record<string, unknown> }>,
): Promise<T> {
  if (!can(who, 'devices.revoke')) throw new ServiceError('forbidden', 'Only an administrator can end a device credential.');
  const found = await visibleDevice(deps.store.devices, who, id);
  const actor = await actorOf(deps, who);
  const result = await deps.store.transaction(async (tx) => {
    // Re-read inside the transaction: a concurrent revoke or merge must not pass twice.
    const device = (await tx.devices.findById(id)) ?? found;
    if (device.revokedAt !== null) throw new ServiceError('conflict', 'This device is already revoked or merged.');
    const also = await alsoIn(tx, device);
    await tx.devices.revoke(id, deps.clock());
    await deps.audit.recordIn(tx, actor, reason, `device:${id}`, { hostname: device.hostname, machineId: device.machineId, ...also.details });
    return also.result;
  });
  // After the commit: a reconnect racing this finds the device revoked.
  deps.deviceRevoked(id);
  return result;
}

/** No further work: a plain revoke or reject. */
export const nothingElse = async (): Promise<{ result: undefined; details: Record<string, never> }> => ({ result: undefined, details: {} });
