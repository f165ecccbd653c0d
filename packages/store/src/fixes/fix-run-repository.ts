import type { Kysely, Selectable } from 'kysely';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { FixRunRecord, FixRunRepository } from './fix-types.js';
import type { FixRunsTable } from './schema-fixes.js';

/** The fix runs: one row per request, updated as the agent reports. */
export function createFixRunRepository(db: Kysely<Database>): FixRunRepository {
  return {
    async insert(r, active) {
      await db
        .insertInto('fix_runs')
        .values({
          id: r.id,
          device_id: r.deviceId,
          site_id: r.siteId,
          ticket_id: r.ticketId,
          action: r.action,
          params: JSON.stringify(r.params),
          origin: r.origin,
          requested_by_id: r.requestedById,
          requested_by: r.requestedBy,
          state: r.state,
          active: active ? 1 : 0,
          created_at: toMs(r.createdAt),
          updated_at: toMs(r.updatedAt),
          expires_at: toMs(r.expiresAt),
          message: r.message,
          exit_code: r.exitCode,
          duration_ms: r.durationMs,
          output: r.output,
          bytes_freed: r.bytesFreed,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('fix_runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async update(id, p) {
      await db
        .updateTable('fix_runs')
        .set({
          state: p.state,
          active: p.active ? 1 : 0,
          updated_at: toMs(p.updatedAt),
          ...(p.message !== undefined ? { message: p.message } : {}),
          ...(p.exitCode !== undefined ? { exit_code: p.exitCode } : {}),
          ...(p.durationMs !== undefined ? { duration_ms: p.durationMs } : {}),
          ...(p.output !== undefined ? { output: p.output } : {}),
          ...(p.bytesFreed !== undefined ? { bytes_freed: p.bytesFreed } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async expireActive(deviceId, now) {
      const rows = await db.selectFrom('fix_runs').select('id').where('device_id', '=', deviceId).where('active', '=', 1).where('expires_at', '<=', toMs(now)).execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await db.updateTable('fix_runs').set({ state: 'expired', active: 0, updated_at: toMs(now) }).where('id', 'in', ids).execute();
      return ids;
    },
    async active(deviceId) {
      const row = await db.selectFrom('fix_runs').selectAll().where('device_id', '=', deviceId).where('active', '=', 1).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async listByDevice(deviceId, limit) {
      const rows = await db.selectFrom('fix_runs').selectAll().where('device_id', '=', deviceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
    async listByTicket(ticketId, limit) {
      const rows = await db.selectFrom('fix_runs').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(r: Selectable<FixRunsTable>): FixRunRecord {
  return {
    id: r.id,
    deviceId: r.device_id,
    siteId: r.site_id,
    ticketId: r.ticket_id,
    action: r.action,
    params: parseParams(r.params),
    origin: r.origin === 'employee' ? 'employee' : 'technician',
    requestedById: r.requested_by_id,
    requestedBy: r.requested_by,
    state: r.state,
    createdAt: fromMs(r.created_at),
    updatedAt: fromMs(r.updated_at),
    expiresAt: fromMs(r.expires_at),
    message: r.message,
    exitCode: r.exit_code === null ? null : Number(r.exit_code),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    output: r.output,
    bytesFreed: r.bytes_freed === null ? null : Number(r.bytes_freed),
  };
}

function parseParams(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
