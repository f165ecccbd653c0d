import { fail, ok, type Ack, type PresenceNotice } from '@deskside/protocol';
import type { DeclaredPresence } from '@deskside/store';
import { writeKey, type AgentWrite, type IngestDeps } from './agent-write.js';
import { idempotentWrite } from './idempotent-write.js';
import { payloadHash } from './inventory-hash.js';
import { isSaneInstant } from './sane-instant.js';

const DECLARED: Record<PresenceNotice['state'], DeclaredPresence> = {
  suspending: 'asleep',
  'shutting-down': 'shut-down',
  resuming: null,
};

/**
 * `device:presence`: the agent says it is going to sleep, shutting down or back. The declaration
 * is committed with the message record (so it survives a hub restart), then applied in memory, so
 * the disconnect that follows a suspend reads "asleep", not "unreachable".
 */
export async function ingestPresence(deps: Pick<IngestDeps, 'store' | 'presence'>, write: AgentWrite<PresenceNotice>): Promise<Ack<{ state: PresenceNotice['state'] }>> {
  const { payload, deviceId, receivedAt } = write;
  if (!isSaneInstant(payload.sentAt, receivedAt)) return fail('invalid_payload', 'device:presence: sentAt is out of range');
  const declared = DECLARED[payload.state];
  const { ack, replayed } = await idempotentWrite(deps.store, writeKey('device:presence', write, payloadHash(payload)), async (tx) => {
    await tx.devices.flushPresence([{ deviceId, lastSeenAt: receivedAt, declaredPresence: declared, lastStatus: declared ?? 'online' }]);
    return ok({ state: payload.state });
  });
  // A retried old notice must not undo a newer one: apply only what was processed just now.
  if (ack.ok && !replayed) deps.presence.declare(deviceId, declared, receivedAt);
  return ack;
}
