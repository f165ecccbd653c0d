import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { isPostgres } from '../mapping/dialect.js';
import { containsPattern } from '../mapping/like.js';
import { toMs } from '../mapping/time.js';
import { toDevice } from '../repositories/device-rows.js';
import type { Database } from '../schema.js';
import type { DeviceWithAsset, FleetCursor, FleetPageFilter } from '../asset-types.js';
import { toAsset } from './asset-rows.js';
import { inventoryMatches } from './inventory-search.js';

const SEARCHED_COLUMNS = ['devices.hostname', 'devices.os', 'devices.cpu', 'devices.ip'] as const;

/** The devices ⟕ device_assets query with every filter applied; no order, no columns yet. */
function filtered(db: Kysely<Database>, filter: FleetPageFilter) {
  let query = db
    .selectFrom('devices')
    .leftJoin('device_assets', 'device_assets.device_id', 'devices.id')
    .where('devices.revoked_at', 'is', null)
    // A quarantined device (duplicate machine id) is not part of the fleet until an admin approves it.
    .where('devices.approval', '=', 'active');
  if (filter.siteIds !== undefined) query = query.where('devices.site_id', 'in', nonEmpty(filter.siteIds));
  if (filter.deviceIds !== undefined) query = query.where('devices.id', 'in', nonEmpty(filter.deviceIds));
  const terms = (typeof filter.q === 'string' ? [filter.q] : (filter.q ?? [])).filter((t) => t !== '');
  for (const term of terms) {
    const pattern = containsPattern(term);
    query = query.where((eb) =>
      eb.or([
        ...SEARCHED_COLUMNS.map(
          (column) => sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape ${sql.lit('\\')}`,
        ),
        // The asset's user, then model, serial, user accounts and software from the inventory.
        sql<SqlBool>`lower(device_assets.assigned_to) like lower(${pattern}) escape ${sql.lit('\\')}`,
        inventoryMatches(pattern, isPostgres(db)),
      ]),
    );
  }
  if (filter.department !== undefined) query = query.where(sql<SqlBool>`lower(device_assets.department) = lower(${filter.department})`);
  if (filter.location !== undefined) query = query.where(sql<SqlBool>`lower(device_assets.location) = lower(${filter.location})`);
  if (filter.lifecycle !== undefined) query = query.where('device_assets.lifecycle', '=', filter.lifecycle);
  if (filter.warrantyFrom !== undefined) query = query.where('device_assets.warranty_end', '>=', filter.warrantyFrom);
  if (filter.warrantyTo !== undefined) query = query.where('device_assets.warranty_end', '<=', filter.warrantyTo);
  if (filter.notSeenSince !== undefined) {
    const cutoff = toMs(filter.notSeenSince);
    query = query.where((eb) =>
      eb.or([
        eb('devices.last_seen_at', '<', cutoff),
        eb.and([eb('devices.last_seen_at', 'is', null), eb('devices.enrolled_at', '<', cutoff)]),
      ]),
    );
  }
  return query;
}

/** An `in ()` list never empty: an empty one is a syntax error on SQLite, and matches nothing anyway. */
function nonEmpty(ids: readonly string[]): string[] {
  return ids.length === 0 ? [''] : [...ids];
}

export async function fleetPage(
  db: Kysely<Database>,
  filter: FleetPageFilter,
  after: FleetCursor | null,
  limit: number,
  offset = 0,
): Promise<DeviceWithAsset[]> {
  let query = filtered(db, filter)
    .selectAll('devices')
    .select([
      'device_assets.device_id as a_device_id',
      'device_assets.asset_tag',
      'device_assets.assigned_to',
      'device_assets.department',
      'device_assets.location',
      'device_assets.purchase_date',
      'device_assets.supplier',
      'device_assets.warranty_end',
      'device_assets.notes',
      'device_assets.lifecycle',
      'device_assets.updated_at as a_updated_at',
      'device_assets.updated_by',
      'device_assets.updated_by_name',
    ]);
  if (after !== null) {
    // The row-value comparison is the exact cursor; SQLite cannot seek an expression index with a
    // row value, so the redundant `lower(hostname) >=` term is what makes each page an index range
    // on devices_fleet_order instead of a walk from the fleet's first device (pages got slower the
    // further an export went).
    const key: Expression<SqlBool> = sql<SqlBool>`(lower(devices.hostname), devices.hostname, devices.id) > (lower(${after.hostname}), ${after.hostname}, ${after.id})`;
    query = query.where(sql<SqlBool>`lower(devices.hostname) >= lower(${after.hostname})`).where(key);
  }
  const rows = await query
    .orderBy(sql`lower(devices.hostname)`)
    .orderBy('devices.hostname')
    .orderBy('devices.id')
    .limit(Math.max(1, Math.min(limit, 5_000)))
    .$if(offset > 0, (q) => q.offset(offset))
    .execute();
  return rows.map((row) => {
    const { a_device_id, asset_tag, assigned_to, department, location, purchase_date, supplier, warranty_end, notes, lifecycle, a_updated_at, updated_by, updated_by_name, ...device } = row;
    const asset =
      a_device_id === null || a_updated_at === null || updated_by === null || updated_by_name === null
        ? null
        : toAsset({ device_id: a_device_id, asset_tag, assigned_to, department, location, purchase_date, supplier, warranty_end, notes, lifecycle, updated_at: a_updated_at, updated_by, updated_by_name });
    return { device: toDevice(device), asset };
  });
}

export async function fleetCount(db: Kysely<Database>, filter: FleetPageFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
