import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Whether the device's latest inventory matches a LIKE `pattern` (already escaped with `\`) in a
 * field technicians search by that the devices table does not hold: system model and serial,
 * logged-in and local user names, and installed software names. Case-insensitive.
 *
 * SQLite keeps the document as JSON text and its JSON1 (`json_extract`, `json_each`) reads it in
 * place: a scan of the fleet's inventories, fine for a search a technician submits. PostgreSQL
 * keeps jsonb and reads it with `#>>` and `jsonb_array_elements`; first a trigram index over the
 * document's text (`inventories_search_trgm`, migration 0001) narrows the candidates, so the
 * exact per-field test runs on the few documents that contain the words at all.
 */
export function inventoryMatches(pattern: string, postgres: boolean): Expression<SqlBool> {
  return postgres ? postgresMatches(pattern) : sqliteMatches(pattern);
}

const ESCAPE = sql.lit('\\');
const like = (value: Expression<unknown>, pattern: string) => sql<SqlBool>`lower(${value}) like lower(${pattern}) escape ${ESCAPE}`;

function sqliteMatches(pattern: string): Expression<SqlBool> {
  const field = (path: string) => sql`json_extract(inv.document, ${sql.lit(path)})`;
  const anyName = (path: string) =>
    sql<SqlBool>`exists (select 1 from json_each(inv.document, ${sql.lit(path)}) as item where ${like(sql`json_extract(item.value, '$.name')`, pattern)})`;
  return sql<SqlBool>`exists (
    select 1 from inventories as inv
    where inv.device_id = devices.id
      and (${like(field('$.system.model'), pattern)}
        or ${like(field('$.system.serial'), pattern)}
        or ${anyName('$.users.loggedIn')}
        or ${anyName('$.users.local')}
        or ${anyName('$.software')}))`;
}

function postgresMatches(pattern: string): Expression<SqlBool> {
  const field = (path: string) => sql`inv.document #>> ${sql.lit(path)}`;
  const anyName = (path: string) => {
    const node = sql`inv.document #> ${sql.lit(path)}`;
    const items = sql`case jsonb_typeof(${node}) when 'array' then ${node} else '[]'::jsonb end`;
    return sql<SqlBool>`exists (select 1 from jsonb_array_elements(${items}) as item where ${like(sql`item.value ->> 'name'`, pattern)})`;
  };
  // The document's text spells `"` and `\` escaped, so a pattern holding either cannot prefilter.
  const prefilter = /["\\]/.test(pattern.replace(/\\[%_]/g, '')) ? sql<SqlBool>`true` : like(sql`inv.document::text`, pattern);
  return sql<SqlBool>`devices.id in (
    select inv.device_id from inventories as inv
    where ${prefilter}
      and (${like(field('{system,model}'), pattern)}
        or ${like(field('{system,serial}'), pattern)}
        or ${anyName('{users,loggedIn}')}
        or ${anyName('{users,local}')}
        or ${anyName('{software}')}))`;
}
