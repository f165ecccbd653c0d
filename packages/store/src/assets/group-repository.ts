import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { GroupRepository } from '../asset-types.js';
import { groupRow, toGroup } from './asset-rows.js';

export function createGroupRepository(db: Kysely<Database>): GroupRepository {
  return {
    async list() {
      const rows = await db.selectFrom('device_groups').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toGroup);
    },
    async findById(id) {
      const row = await db.selectFrom('device_groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toGroup(row);
    },
    async create(group) {
      await db.insertInto('device_groups').values(groupRow(group)).execute();
    },
    async update(group) {
      const { id, created_at: _created, ...rest } = groupRow(group);
      const result = await db.updateTable('device_groups').set(rest).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(id) {
      const result = await db.deleteFrom('device_groups').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
