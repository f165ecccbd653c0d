import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Whether the device's latest inventory matches a LIKE `pattern` (already escaped with `\`) in a
 * field technicians search by that the devices table does not hold: system model and serial,
 * logged-in and local user names, and installed software names. Case-insensitive.
 *
 * The document is JSON text: SQLite's JSON1 (`json_extract`, `json_each`) reads it in place, so
 * nothing is denormalised. This is a scan of the fleet's inventories, fine for a search a
 * technician submits, not for every keystroke. (PostgreSQL will need its jsonb equivalents.)
 */
export function inventoryMatches(pattern: string): Expression<SqlBool> {
  const like = (value: Expression<unknown>) => sql<SqlBool>`lower(${value}) like lower(${pattern}) escape ${sql.lit('\\')}`;
  const field = (path: string) => sql`json_extract(inv.document, ${sql.lit(path)})`;
  const anyName = (path: string) =>
    sql<SqlBool>`exists (select 1 from json_each(inv.document, ${sql.lit(path)}) as item where ${like(sql`json_extract(item.value, '$.name')`)})`;
  return sql<SqlBool>`exists (
    select 1 from inventories as inv
    where inv.device_id = devices.id
      and (${like(field('$.system.model'))}
        or ${like(field('$.system.serial'))}
        or ${anyName('$.users.loggedIn')}
        or ${anyName('$.users.local')}
        or ${anyName('$.software')}))`;
}
