import type { Kysely, Selectable } from 'kysely';
import { fromMs, fromMsOrNull, numberOrNull, toMs } from '../mapping/time.js';
import type { Database, UserTotpTable } from '../schema.js';
import type { TotpRecord, TotpRepository } from '../access-types.js';

export function createTotpRepository(db: Kysely<Database>): TotpRepository {
  return {
    async get(userId) {
      const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row === undefined ? undefined : toTotp(row);
    },
    async begin(userId, secretEnc, at) {
      await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
      await db
        .insertInto('user_totp')
        .values({ user_id: userId, secret_enc: secretEnc, created_at: toMs(at), confirmed_at: null, last_step: null })
        .execute();
    },
    async confirm(userId, at, step) {
      await db.updateTable('user_totp').set({ confirmed_at: toMs(at), last_step: step }).where('user_id', '=', userId).execute();
    },
    async spendStep(userId, step) {
      const result = await db
        .updateTable('user_totp')
        .set({ last_step: step })
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async remove(userId) {
      await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    },
  };
}

function toTotp(row: Selectable<UserTotpTable>): TotpRecord {
  return {
    userId: row.user_id,
    secretEnc: row.secret_enc,
    createdAt: fromMs(row.created_at),
    confirmedAt: fromMsOrNull(row.confirmed_at),
    lastStep: numberOrNull(row.last_step),
  };
}
