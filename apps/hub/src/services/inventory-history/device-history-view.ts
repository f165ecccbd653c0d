import type { DeviceChange, SameAssetCandidate } from '@deskside/protocol';
import type { DeviceChangeRecord, Repositories } from '@deskside/store';

/** How many change rows the device page gets with the detail; older ones page through `/changes`. */
export const DETAIL_CHANGES = 200;

/** A stored change row as the API answers it. */
export function toDeviceChange(r: DeviceChangeRecord): DeviceChange {
  return { id: r.id, deviceId: r.deviceId, at: r.at.toISOString(), section: r.section, kind: r.kind, summary: r.summary, before: r.before, after: r.after };
}

/** The history part of `GET /api/v1/devices/:id`: latest changes, a reinstall candidate, a merge mark. */
export async function deviceHistoryView(
  store: Pick<Repositories, 'changes' | 'deviceLinks' | 'devices'>,
  deviceId: string,
): Promise<{ changes: DeviceChange[]; sameAssetCandidate: SameAssetCandidate | null; mergedIntoId: string | null }> {
  const [rows, link] = await Promise.all([store.changes.list(deviceId, { limit: DETAIL_CHANGES }), store.deviceLinks.get(deviceId)]);
  let candidate: SameAssetCandidate | null = null;
  if (link?.candidateId) {
    const [self, other] = await Promise.all([store.devices.findById(deviceId), store.devices.findById(link.candidateId)]);
    // A candidate that was revoked or merged since is no longer worth a technician's attention;
    // one of another site is never shown (its id and hostname are that site's business).
    if (other && other.revokedAt === null && other.siteId === self?.siteId) {
      candidate = { deviceId: other.id, hostname: other.hostname, enrolledAt: other.enrolledAt.toISOString(), matchedOn: link.matchedOn.slice(0, 8) };
    }
  }
  return { changes: rows.map(toDeviceChange), sameAssetCandidate: candidate, mergedIntoId: link?.mergedIntoId ?? null };
}
