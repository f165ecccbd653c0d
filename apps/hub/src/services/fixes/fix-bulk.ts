import type { FixBulkPreview, FixBulkResult, FixRunCreate } from '@deskside/protocol';
import type { DeviceRecord, Store } from '@deskside/store';
import { seesSite } from '../access/site-scope.js';
import type { AuthenticatedUser } from '../auth/session.js';
import type { PresenceTracker } from '../presence/presence-tracker.js';
import { ServiceError } from '../service-error.js';
import type { FixService } from './fix-service.js';

/** A fix asked of a group reaches at most this many devices at once. */
export const MAX_BULK_DEVICES = 500;

export interface FixBulkDeps {
  store: Store;
  presence: PresenceTracker;
  fixes: FixService;
  /** The group as the caller may see it (404 otherwise) and its devices now. */
  groupDevices: (user: AuthenticatedUser, groupId: string) => Promise<string[]>;
}

/**
 * "Fix" for a group: a preview of the devices it reaches (and which cannot take it now), then one
 * signed run per device, each with the same checks and consent as a single request.
 */
export function createFixBulk(deps: FixBulkDeps) {
  async function targets(user: AuthenticatedUser, groupId: string): Promise<DeviceRecord[]> {
    const ids = await deps.groupDevices(user, groupId);
    if (ids.length > MAX_BULK_DEVICES) throw new ServiceError('bad_request', `The group has ${ids.length} devices; a fix reaches at most ${MAX_BULK_DEVICES} at once.`);
    const devices: DeviceRecord[] = [];
    for (const id of ids) {
      const device = await deps.store.devices.findById(id);
      if (device && seesSite(user, device.siteId)) devices.push(device);
    }
    return devices;
  }

  return {
    async preview(user: AuthenticatedUser, groupId: string, body: Pick<FixRunCreate, 'action' | 'params'>): Promise<FixBulkPreview> {
      await deps.fixes.internals.prepare(user, body);
      const devices = await targets(user, groupId);
      const out: FixBulkPreview['devices'] = [];
      for (const d of devices) {
        const online = (deps.presence.status(d.id) ?? d.lastStatus) === 'online';
        const busy = (await deps.store.fixRuns.active(d.id)) !== undefined;
        out.push({ deviceId: d.id, hostname: d.hostname, outcome: !online ? 'offline' : busy ? 'busy' : 'ready' });
      }
      return { devices: out };
    },
    async request(user: AuthenticatedUser, groupId: string, body: Pick<FixRunCreate, 'action' | 'params'>): Promise<FixBulkResult> {
      const prep = await deps.fixes.internals.prepare(user, body);
      const devices = await targets(user, groupId);
      await deps.fixes.internals.takeBudget(user);
      const result: FixBulkResult = { runs: [], skipped: [] };
      for (const device of devices) {
        try {
          result.runs.push(await deps.fixes.internals.start(user, prep, device, undefined));
        } catch (err) {
          if (!(err instanceof ServiceError)) throw err;
          result.skipped.push({ deviceId: device.id, hostname: device.hostname, reason: err.message });
        }
      }
      return result;
    },
  };
}

export type FixBulk = ReturnType<typeof createFixBulk>;
