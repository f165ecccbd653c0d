import { fail, ok, type Ack, type ErrorBody } from '@deskside/protocol';
import type { Repositories, Store } from '@deskside/store';

/** Identifies one agent write for idempotency. */
export interface WriteKey {
  deviceId: string;
  messageId: string;
  /** What kind of write (the event name): the same id reused for another kind is a conflict too. */
  kind: string;
  payloadHash: string;
  at: Date;
}

export interface WriteOutcome<T> {
  ack: Ack<T>;
  /** True when the answer came from an earlier identical message (nothing was written now). */
  replayed: boolean;
}

/** Thrown inside the transaction to roll it back while still answering a typed refusal. */
class Refusal {
  constructor(readonly ack: Ack<never>) {}
}

/**
 * Runs `write` and records the message in ONE transaction, so an ack (sent after this resolves)
 * always means "committed", and a retry of the same message returns the first answer unchanged.
 * `write` may answer a refusal: then nothing it wrote is kept, and nothing is remembered.
 */
export async function idempotentWrite<T>(
  store: Store,
  key: WriteKey,
  write: (tx: Repositories) => Promise<Ack<T>>,
): Promise<WriteOutcome<T>> {
  try {
    return await store.transaction(async (tx) => {
      const previous = await tx.messages.get(key.deviceId, key.messageId);
      if (previous) {
        if (previous.kind === key.kind && previous.payloadHash === key.payloadHash) {
          return { ack: ok(previous.result as T), replayed: true };
        }
        return { ack: conflict(), replayed: false };
      }
      const ack = await write(tx);
      if (!ack.ok) throw new Refusal(ack);
      await tx.messages.putMany([
        { deviceId: key.deviceId, messageId: key.messageId, kind: key.kind, payloadHash: key.payloadHash, result: ack.data, processedAt: key.at },
      ]);
      return { ack, replayed: false };
    });
  } catch (err) {
    if (err instanceof Refusal) return { ack: err.ack, replayed: false };
    throw err;
  }
}

/** The answer to a message id reused with another payload. */
export function conflict(): { ok: false; error: ErrorBody } {
  return fail('idempotency_conflict', 'this message id was already used for a different payload');
}
