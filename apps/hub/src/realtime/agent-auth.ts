import { timingSafeEqual } from 'node:crypto';
import { AgentHandshakeSchema, isSupportedProtocol } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import type { AgentCredentials, CredentialedDevice } from '../services/enrollment/agent-credentials.js';
import type { AddressGate } from './address-gate.js';
import type { Admission } from './admission.js';
import type { AgentSocket } from './context.js';
import { handshakeError } from './handshake-error.js';
import type { KnownDevices } from './known-devices.js';

export interface AgentAuthDeps {
  credentials: AgentCredentials;
  logger: Logger;
  clock: () => Date;
  hashDeviceKey: (key: string) => string;
  /** Remembers the device row of an accepted socket, so the connect handler needs no second lookup. */
  accepted: WeakMap<AgentSocket, CredentialedDevice>;
  /** Per-address caps on pending handshakes and open connections. */
  gate: AddressGate;
  /** Key hashes of known devices: the cheap check before any budget or database work. */
  known: KnownDevices;
  /** The budget of handshakes whose credentials matched a known device (reconnect storms). */
  admission: Admission;
  /** A small budget of its own for ids the cache does not know (enrolled on another hub, or junk). */
  unverified: Admission;
  /** Counts refusals for being over a budget (a metric). */
  onRefused?: () => void;
}

/** Compared against when the device id is unknown, so both refusals take the same time. */
const DUMMY_HASH = '0'.repeat(64);
const UNAUTHORIZED = 'unknown device or wrong device key';

/**
 * `/agent` handshake, cheapest check first, so that junk cannot spend what real agents need:
 * 1. the address's caps (pending handshakes, open connections);
 * 2. the payload's shape and protocol version;
 * 3. the key against the in-memory hash of a known id (one SHA-256): a wrong key is refused here;
 * 4. only then an admission budget: known devices spend the main one, unknown ids a small one;
 * 5. the database row (revoked, waiting for approval).
 * "Unknown id" and "wrong key" get the same answer; revocation is told only to a caller who proved the key.
 */
export function agentAuthMiddleware(deps: AgentAuthDeps) {
  let refusedSinceLog = 0;
  const overBudget = (what: string): Error => {
    deps.onRefused?.();
    if (refusedSinceLog++ % 1000 === 0) deps.logger.warn(`agent handshakes over the ${what}; refusing with rate_limited`, { refused: refusedSinceLog });
    return handshakeError('rate_limited', 'the hub is busy accepting other agents; retry shortly');
  };
  return (socket: AgentSocket, next: (err?: Error) => void): void => {
    const leave = deps.gate.tryEnter(socket.handshake.address);
    if (!leave) return next(overBudget('per-address limit'));
    const done = (err?: Error): void => {
      leave();
      next(err);
    };
    const parsed = AgentHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return done(handshakeError('invalid_payload', 'handshake auth must carry protocolVersion, deviceId and deviceKey'));
    const auth = parsed.data;
    if (!isSupportedProtocol(auth.protocolVersion)) {
      return done(handshakeError('protocol_unsupported', `protocol version ${auth.protocolVersion} is not supported; update the agent`));
    }
    const presented = deps.hashDeviceKey(auth.deviceKey);
    const verdict = deps.known.check(auth.deviceId, presented);
    if (verdict === 'mismatch') return done(handshakeError('unauthorized', UNAUTHORIZED));
    // Until the cache is seeded every id is unknown: the main budget then, as before the cache.
    const budget = verdict === 'match' || !deps.known.ready ? deps.admission : deps.unverified;
    const release = budget.tryAdmit(deps.clock().getTime());
    if (!release) return done(overBudget(budget === deps.admission ? 'admission limit' : 'budget for unverified devices'));
    const finish = (err?: Error): void => {
      release();
      done(err);
    };
    deps.credentials
      .find(auth.deviceId)
      .then((device) => {
        const matches = keyMatches(presented, device?.keyHash ?? DUMMY_HASH);
        if (!device || !matches) return finish(handshakeError('unauthorized', UNAUTHORIZED));
        if (device.revokedAt) {
          deps.known.forget(device.id);
          return finish(handshakeError('revoked', 'this device was revoked; enrol it again'));
        }
        deps.known.remember(device.id, device.keyHash);
        // Quarantined (duplicate machine id): known and proven, but may write nothing until approved.
        if (device.approval !== 'active') {
          return finish(handshakeError('pending_approval', 'this device waits for a technician to approve it (its machine id is already enrolled)'));
        }
        socket.data = { deviceId: device.id, siteId: device.siteId };
        deps.accepted.set(socket, device);
        finish();
      })
      .catch((err: unknown) => {
        deps.logger.error('agent handshake failed', { err: String(err) });
        finish(handshakeError('rate_limited', 'the hub is busy; retry later'));
      });
  };
}

function keyMatches(actualHex: string, expectedHex: string): boolean {
  const a = Buffer.from(actualHex, 'utf8');
  const b = Buffer.from(expectedHex, 'utf8');
  // Lengths differ only when the stored hash is malformed; compare anyway to keep timing flat.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}
