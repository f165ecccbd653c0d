import type { Kysely, Selectable } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import { fromJsonOrUndefined, toJsonOrNull } from '../mapping/json.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database, ProcessedMessagesTable } from '../schema.js';
import type { ProcessedMessage, ProcessedMessageRepository } from '../types.js';
import type { HotStatements } from '../sqlite/hot-statements.js';
import { atomically } from './atomically.js';
import { nulSafe } from '../mapping/nul-safe-plugin.js';

// Past Kysely (and its NulSafePlugin): the same NUL rule by hand.
const nullableNulSafe = (text: string | null) => (text === null ? null : nulSafe(text));

const COLUMNS_PER_ROW = 6;

export function createProcessedMessageRepository(db: Kysely<Database>, hot?: HotStatements): ProcessedMessageRepository {
  // Prepared statements only inside the store's transaction (see HotStatements); else Kysely.
  const fast = () => (hot && db.isTransaction ? hot : undefined);
  return {
    async get(deviceId, messageId) {
      const row = await db
        .selectFrom('processed_messages')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return row === undefined ? undefined : toMessage(row);
    },
    async getMany(keys) {
      const found: ProcessedMessage[] = [];
      const statements = fast();
      if (statements) {
        // Primary-key point lookups, one prepared statement: cheaper than compiling an IN-list.
        for (const k of keys) {
          const row = statements.getMessage.get(k.deviceId, k.messageId);
          if (row) found.push(toMessage(row));
        }
        return found;
      }
      for (const chunk of chunkForParams(keys, 2)) {
        const rows = await db
          .selectFrom('processed_messages')
          .selectAll()
          .where((eb) =>
            eb(
              eb.refTuple('device_id', 'message_id'),
              'in',
              chunk.map((k) => eb.tuple(k.deviceId, k.messageId)),
            ),
          )
          .execute();
        for (const row of rows) found.push(toMessage(row));
      }
      return found;
    },
    async putMany(messages) {
      if (messages.length === 0) return;
      const statements = fast();
      if (statements) {
        for (const m of messages) {
          statements.insertMessage.run(m.deviceId, m.messageId, m.kind, m.payloadHash, nullableNulSafe(toJsonOrNull(m.result)), toMs(m.processedAt));
        }
        return;
      }
      const rows = messages.map((m) => ({
        device_id: m.deviceId,
        message_id: m.messageId,
        kind: m.kind,
        payload_hash: m.payloadHash,
        result: toJsonOrNull(m.result),
        processed_at: toMs(m.processedAt),
      }));
      await atomically(db, async (trx) => {
        for (const chunk of chunkForParams(rows, COLUMNS_PER_ROW)) {
          // The first outcome stands: a retry must get back what was first acknowledged.
          await trx
            .insertInto('processed_messages')
            .values(chunk)
            .onConflict((oc) => oc.columns(['device_id', 'message_id']).doNothing())
            .execute();
        }
      });
    },
    async claim(m) {
      const inserted = await db
        .insertInto('processed_messages')
        .values({ device_id: m.deviceId, message_id: m.messageId, kind: m.kind, payload_hash: m.payloadHash, result: null, processed_at: toMs(m.processedAt) })
        .onConflict((oc) => oc.columns(['device_id', 'message_id']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async complete(deviceId, messageId, result) {
      await db
        .updateTable('processed_messages')
        .set({ result: toJsonOrNull(result) })
        .where('device_id', '=', deviceId)
        .where('message_id', '=', messageId)
        .execute();
    },
    async prune(before) {
      const result = await db
        .deleteFrom('processed_messages')
        .where('processed_at', '<', toMs(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toMessage(row: Selectable<ProcessedMessagesTable>): ProcessedMessage {
  return {
    deviceId: row.device_id,
    messageId: row.message_id,
    kind: row.kind,
    payloadHash: row.payload_hash,
    result: fromJsonOrUndefined(row.result),
    processedAt: fromMs(row.processed_at),
  };
}
