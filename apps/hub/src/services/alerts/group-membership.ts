import { newId } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { noAudit } from '../assets/audit-hook.js';
import { createGroupService } from '../assets/group-service.js';
import type { GroupMembership } from './policy-service.js';

/**
 * Group membership for health policies, over the device-group service. Reads only (membership is
 * computed from each group's filter), so it records nothing in the audit log.
 */
export function groupMembership(store: Store, clock: Clock): GroupMembership & { exists(id: string): Promise<boolean> } {
  const groups = createGroupService({ store, clock, newId: () => newId(clock().getTime()), audit: noAudit });
  return {
    groupsOfDevice: (deviceId) => groups.groupsOfDevice(deviceId),
    exists: async (id) => (await groups.get(id)) !== undefined,
  };
}
