import { type Kysely, sql } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import { containsPattern } from '../mapping/like.js';
import { fromMs, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { DeviceListFilter, DeviceRepository, PresenceFlush } from '../types.js';
import { atomically } from './atomically.js';
import { summaryColumns, toDevice } from './device-rows.js';

const SEARCHED_COLUMNS = ['hostname', 'os', 'cpu', 'ip'] as const;

export function createDeviceRepository(db: Kysely<Database>): DeviceRepository {
  return {
    async create(device) {
      await db
        .insertInto('devices')
        .values({
          id: device.id,
          site_id: device.siteId,
          machine_id: device.machineId,
          hostname: device.hostname,
          key_hash: device.keyHash,
          enrolled_at: toMs(device.enrolledAt),
          last_seen_at: null,
          declared_presence: null,
          last_status: null,
          inventory_hash: null,
          inventory_updated_at: null,
          revoked_at: null,
          os: null,
          cpu: null,
          ram_bytes: null,
          disk_used_bytes: null,
          disk_total_bytes: null,
          ip: null,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toDevice(row);
    },
    async hostnames(ids) {
      const out: Array<{ id: string; hostname: string }> = [];
      for (const chunk of chunkForParams([...new Set(ids)], 1)) {
        out.push(...(await db.selectFrom('devices').select(['id', 'hostname']).where('id', 'in', chunk).execute()));
      }
      return out;
    },
    async findByMachineId(machineId) {
      // Clones can share a machine id; the most recently enrolled is the one that answers.
      const row = await db
        .selectFrom('devices')
        .selectAll()
        .where('machine_id', '=', machineId)
        .where('revoked_at', 'is', null)
        .orderBy('enrolled_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row === undefined ? undefined : toDevice(row);
    },
    list: (filter) => listDevices(db, filter ?? {}),
    async updateSummary(id, hostname, summary) {
      await db
        .updateTable('devices')
        .set({ hostname, ...summaryColumns(summary) })
        .where('id', '=', id)
        .execute();
    },
    flushPresence: (updates) => flushPresence(db, updates),
    async markSilentUnreachable(before) {
      const rows = await db
        .updateTable('devices')
        .set({ last_status: 'unreachable' })
        .where('last_status', '=', 'online')
        .where('declared_presence', 'is', null)
        .where('revoked_at', 'is', null)
        .where('last_seen_at', '<', toMs(before))
        .returning(['id', 'last_seen_at'])
        .execute();
      return rows.map((r) => ({ id: r.id, lastSeenAt: fromMs(r.last_seen_at ?? 0) }));
    },
    async revoke(id, at) {
      await db
        .updateTable('devices')
        .set({ revoked_at: toMs(at) })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

async function listDevices(db: Kysely<Database>, filter: DeviceListFilter) {
  if (filter.siteIds !== undefined && filter.siteIds.length === 0) return [];
  let query = db.selectFrom('devices').selectAll();
  if (filter.includeRevoked !== true) query = query.where('revoked_at', 'is', null);
  if (filter.includePending !== true) query = query.where('approval', '=', 'active');
  if (filter.siteIds !== undefined) query = query.where('site_id', 'in', [...filter.siteIds]);
  if (filter.q !== undefined && filter.q !== '') {
    const pattern = containsPattern(filter.q);
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's only for non-ASCII.
    query = query.where((eb) =>
      eb.or(
        SEARCHED_COLUMNS.map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape ${sql.lit('\\')}`,
        ),
      ),
    );
  }
  const rows = await query.orderBy(sql`lower(hostname)`).orderBy('hostname').orderBy('id').execute();
  return rows.map(toDevice);
}

/**
 * One UPDATE … FROM (VALUES …) per chunk instead of one statement per device: a flush of ten
 * thousand devices is a handful of statements. The casts give the VALUES columns the target
 * types, which PostgreSQL needs and SQLite accepts.
 */
async function flushPresence(db: Kysely<Database>, updates: readonly PresenceFlush[]): Promise<void> {
  // The same device twice in one statement would update it from an arbitrary row: keep the last.
  const latest = [...new Map(updates.map((u) => [u.deviceId, u])).values()];
  if (latest.length === 0) return;
  await atomically(db, async (trx) => {
    for (const chunk of chunkForParams(latest, 4)) {
      const values = sql.join(
        chunk.map(
          (u) =>
            sql`(${u.deviceId}, cast(${toMsOrNull(u.lastSeenAt)} as bigint), cast(${u.declaredPresence} as text), cast(${u.lastStatus} as text))`,
        ),
      );
      await sql`
        with v (id, last_seen_at, declared_presence, last_status) as (values ${values})
        update devices
        set last_seen_at = v.last_seen_at, declared_presence = v.declared_presence, last_status = v.last_status
        from v
        where devices.id = v.id
          -- Several hubs: a hub the device left must not overwrite what the hub it moved to wrote.
          and (devices.last_seen_at is null or v.last_seen_at is null or devices.last_seen_at <= v.last_seen_at)`.execute(trx);
    }
  });
}
