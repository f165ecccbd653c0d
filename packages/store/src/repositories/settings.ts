import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { SettingsRepository } from '../types.js';

export function createSettingsRepository(db: Kysely<Database>): SettingsRepository {
  return {
    async get(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async set(key, value) {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}
