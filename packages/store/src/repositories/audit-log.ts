import type { Kysely, Selectable } from 'kysely';
import { fromMs, toMs } from '../mapping/time.js';
import type { AuditLogTable, Database } from '../schema.js';
import type { AuditRecord, AuditRepository } from '../access-types.js';

/** The audit log: insert and read only. Nothing here updates or deletes a row. */
export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async lockChain() {
      await db.updateTable('write_locks').set((eb) => ({ taken: eb('taken', '+', 1) })).where('name', '=', 'audit').execute();
    },
    async last() {
      const row = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row === undefined ? undefined : toAudit(row);
    },
    async append(record) {
      await db
        .insertInto('audit_log')
        .values({
          seq: record.seq,
          at: toMs(record.at),
          actor_id: record.actorId,
          actor_name: record.actorName,
          action: record.action,
          target: record.target,
          details: JSON.stringify(record.details),
          prev_hash: record.prevHash,
          hash: record.hash,
        })
        .execute();
    },
    async page(limit, before) {
      let query = db.selectFrom('audit_log').selectAll();
      if (before !== undefined) query = query.where('seq', '<', before);
      const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toAudit);
    },
    async scan(afterSeq, limit) {
      const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toAudit);
    },
  };
}

function toAudit(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    at: fromMs(row.at),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    details: parseDetails(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A row edited by hand into non-JSON still reads (and then fails verification), never crashes. */
function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return { unparseable: text.slice(0, 256) };
}
