import { createHash } from 'node:crypto';

/** The parts of a release's rollout that decide who gets it. */
export interface RingRollout {
  id: string;
  pilotGroupIds: readonly string[];
  percent: number;
  siteIds: readonly string[];
}

/** The parts of a device that rings look at. */
export interface RingDevice {
  id: string;
  siteId: string;
  groupIds: readonly string[];
}

/**
 * A device's place (0–99) in a release's percentage ring. Hashing the release id with the device
 * id spreads each release over a different sample (the same PCs are not always first), and is
 * stable: raising the percentage only ever adds devices.
 */
export function rolloutBucket(releaseId: string, deviceId: string): number {
  return createHash('sha256').update(`${releaseId}\n${deviceId}`).digest().readUInt32BE(0) % 100;
}

/** Whether a release's rings reach a device: within its sites, in a pilot group or in the percentage. */
export function ringsReach(rollout: RingRollout, device: RingDevice): boolean {
  if (rollout.siteIds.length > 0 && !rollout.siteIds.includes(device.siteId)) return false;
  if (rollout.pilotGroupIds.some((g) => device.groupIds.includes(g))) return true;
  return rolloutBucket(rollout.id, device.id) < rollout.percent;
}
