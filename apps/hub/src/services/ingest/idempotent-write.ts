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

/** Transactions refused for a concurrent writer are run again this many times. */
const CONTENTION_RETRIES = 5;

/**
 * Runs `write` and records the message in ONE transaction, so an ack (sent after this resolves)
 * always means "committed", and a retry of the same message returns the first answer unchanged.
 * `write` may answer a refusal: then nothing it wrote is kept, and nothing is remembered.
 *
 * The message id is claimed insert-first, before anything is read: two copies of one message
 * arriving at once (two hub processes, or a retry racing its original) cannot both pass a "not
 * seen yet" read; the second waits on the key and then replays the first's answer.
 */
export async function idempotentWrite<T>(
  store: Store,
  key: WriteKey,
  write: (tx: Repositories) => Promise<Ack<T>>,
): Promise<WriteOutcome<T>> {
  try {
    return await store.transaction(async (tx) => {
      const claimed = await tx.messages.claim({ deviceId: key.deviceId, messageId: key.messageId, kind: key.kind, payloadHash: key.payloadHash, processedAt: key.at });
      if (!claimed) {
        const previous = await tx.messages.get(key.deviceId, key.messageId);
        if (previous && previous.kind === key.kind && previous.payloadHash === key.payloadHash) {
          return { ack: ok(previous.result as T), replayed: true };
        }
        return { ack: conflict(), replayed: false };
      }
      const ack = await write(tx);
      // Rolling back also releases the claim: a refused message is not remembered.
      if (!ack.ok) throw new Refusal(ack);
      await tx.messages.complete(key.deviceId, key.messageId, ack.data);
      return { ack, replayed: false };
    }, { retries: CONTENTION_RETRIES });
  } catch (err) {
    if (err instanceof Refusal) return { ack: err.ack, replayed: false };
    throw err;
  }
}

/** The answer to a message id reused with another payload. */
export function conflict(): { ok: false; error: ErrorBody } {
  return fail('idempotency_conflict', 'this message id was already used for a different payload');
}
