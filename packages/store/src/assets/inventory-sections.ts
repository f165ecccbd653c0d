import { sql, type Kysely } from 'kysely';
import type { InventorySectionName } from '@deskside/protocol';
import { chunkForParams } from '../mapping/chunk.js';
import { isPostgres } from '../mapping/dialect.js';
import type { StoredSections } from '../asset-types.js';
import type { Database } from '../schema.js';

/**
 * Only the named top-level sections of each device's stored document, cut out by the database
 * (`->` answers a subtree's JSON text) so the hub parses a disks list rather than a whole
 * inventory with its services, start-up items and hundreds of applications: an export sheet or a
 * report reads one section of thousands of documents, and parsing them whole was most of its
 * time and garbage. Names come from the protocol's section list, never from a request, and are
 * still passed as literals checked against a strict pattern.
 */
export async function readInventorySections(
  db: Kysely<Database>,
  deviceIds: readonly string[],
  sections: readonly InventorySectionName[],
): Promise<Map<string, StoredSections>> {
  const out = new Map<string, StoredSections>();
  const names = [...new Set(sections)];
  for (const name of names) if (!/^[a-zA-Z]{1,32}$/.test(name)) throw new Error(`not an inventory section name: ${name}`);
  if (names.length === 0 || deviceIds.length === 0) return out;
  // SQLite's `->` takes a JSON path; PostgreSQL's takes the key. Both answer the subtree as JSON text.
  const key = (name: string) => (isPostgres(db) ? name : `$.${name}`);
  for (const chunk of chunkForParams(deviceIds, 1)) {
    const rows = await db
      .selectFrom('inventories')
      .select('device_id')
      .select(names.map((name) => sql<string | null>`document -> ${sql.lit(key(name))}`.as(name)))
      .where('device_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      const record = row as unknown as Record<string, string | null>;
      const sectionsOut: StoredSections = {};
      for (const name of names) {
        const text = record[name];
        if (text !== null && text !== undefined) sectionsOut[name] = JSON.parse(text) as unknown;
      }
      out.set(row.device_id, sectionsOut);
    }
  }
  return out;
}
