import type { Kysely } from 'kysely';
import type { DeviceApproval } from '@deskside/protocol';
import { fromMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { DeviceApprovalRepository } from '../access-types.js';

export function createDeviceApprovalRepository(db: Kysely<Database>): DeviceApprovalRepository {
  return {
    async set(deviceId, approval) {
      await db.updateTable('devices').set({ approval }).where('id', '=', deviceId).execute();
    },
    async listPending() {
      const rows = await db
        .selectFrom('devices')
        .select(['id', 'site_id', 'hostname', 'machine_id', 'enrolled_at'])
        .where('approval', '=', 'pending-approval')
        .where('revoked_at', 'is', null)
        .orderBy('enrolled_at')
        .orderBy('id')
        .limit(1000)
        .execute();
      return rows.map((r) => ({ id: r.id, siteId: r.site_id, hostname: r.hostname, machineId: r.machine_id, enrolledAt: fromMs(r.enrolled_at) }));
    },
    async activeTwins(machineId, exceptId) {
      const rows = await db
        .selectFrom('devices')
        .select('id')
        .where('machine_id', '=', machineId)
        .where('id', '!=', exceptId)
        .where('revoked_at', 'is', null)
        .where('approval', '=', 'active')
        .limit(64)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

/** A stored approval; anything unexpected is treated as still pending (fail closed). */
export function toApproval(value: string): DeviceApproval {
  return value === 'active' ? 'active' : 'pending-approval';
}
