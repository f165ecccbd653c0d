import type { Kysely } from 'kysely';
import { fromJson } from '../mapping/json.js';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { DeviceHealthRepository, HealthPolicyRepository } from './alert-types.js';

export function createHealthPolicyRepository(db: Kysely<Database>): HealthPolicyRepository {
  return {
    async get(scope) {
      const r = await db.selectFrom('health_policies').selectAll().where('scope', '=', scope).executeTakeFirst();
      return r && { scope: r.scope, policy: fromJson(r.policy), updatedAt: fromMs(r.updated_at), updatedBy: r.updated_by };
    },
    async put(record) {
      const values = { policy: JSON.stringify(record.policy), updated_at: toMs(record.updatedAt), updated_by: record.updatedBy };
      await db
        .insertInto('health_policies')
        .values({ scope: record.scope, ...values })
        .onConflict((oc) => oc.column('scope').doUpdateSet(values))
        .execute();
    },
    async remove(scope) {
      await db.deleteFrom('health_policies').where('scope', '=', scope).execute();
    },
    async list() {
      const rows = await db.selectFrom('health_policies').selectAll().orderBy('scope').execute();
      return rows.map((r) => ({ scope: r.scope, policy: fromJson(r.policy), updatedAt: fromMs(r.updated_at), updatedBy: r.updated_by }));
    },
  };
}

export function createDeviceHealthRepository(db: Kysely<Database>): DeviceHealthRepository {
  return {
    async maintenanceUntil(deviceId) {
      const r = await db.selectFrom('devices').select('maintenance_until').where('id', '=', deviceId).executeTakeFirst();
      return r ? fromMsOrNull(r.maintenance_until) : null;
    },
    async setMaintenance(deviceId, until) {
      await db.updateTable('devices').set({ maintenance_until: toMsOrNull(until) }).where('id', '=', deviceId).execute();
    },
    async withMachineId(machineId) {
      return db
        .selectFrom('devices')
        .select(['id', 'hostname'])
        .where('machine_id', '=', machineId)
        .where('revoked_at', 'is', null)
        .orderBy('id')
        .execute();
    },
  };
}
