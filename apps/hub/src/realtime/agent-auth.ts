import { timingSafeEqual } from 'node:crypto';
import { AgentHandshakeSchema, isSupportedProtocol } from '@deskside/protocol';
import type { DeviceRecord, Store } from '@deskside/store';
import type { Logger } from '../log/logger.js';
import type { AgentSocket } from './context.js';
import { handshakeError } from './handshake-error.js';

export interface AgentAuthDeps {
  store: Store;
  logger: Logger;
  hashDeviceKey: (key: string) => string;
  /** Remembers the device row of an accepted socket, so the connect handler needs no second lookup. */
  accepted: WeakMap<AgentSocket, DeviceRecord>;
}

/** Compared against when the device id is unknown, so both refusals take the same time. */
const DUMMY_HASH = '0'.repeat(64);
const UNAUTHORIZED = 'unknown device or wrong device key';

/**
 * `/agent` handshake: the device id and key issued at enrolment, and a protocol this hub speaks.
 * "Unknown id" and "wrong key" get the same answer, so the handshake is no oracle for valid ids;
 * revocation is told only to a caller who proved the key.
 */
export function agentAuthMiddleware(deps: AgentAuthDeps) {
  return (socket: AgentSocket, next: (err?: Error) => void): void => {
    const parsed = AgentHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(handshakeError('invalid_payload', 'handshake auth must carry protocolVersion, deviceId and deviceKey'));
      return;
    }
    const auth = parsed.data;
    if (!isSupportedProtocol(auth.protocolVersion)) {
      next(handshakeError('protocol_unsupported', `protocol version ${auth.protocolVersion} is not supported; update the agent`));
      return;
    }
    deps.store.devices
      .findById(auth.deviceId)
      .then((device) => {
        const matches = keyMatches(deps.hashDeviceKey(auth.deviceKey), device?.keyHash ?? DUMMY_HASH);
        if (!device || !matches) return next(handshakeError('unauthorized', UNAUTHORIZED));
        if (device.revokedAt) return next(handshakeError('revoked', 'this device was revoked; enrol it again'));
        // Quarantined (duplicate machine id): known and proven, but may write nothing until approved.
        if (device.approval !== 'active') {
          return next(handshakeError('pending_approval', 'this device waits for a technician to approve it (its machine id is already enrolled)'));
        }
        socket.data = { deviceId: device.id, siteId: device.siteId };
        deps.accepted.set(socket, device);
        next();
      })
      .catch((err: unknown) => {
        deps.logger.error('agent handshake failed', { err: String(err) });
        next(handshakeError('rate_limited', 'the hub is busy; retry later'));
      });
  };
}

function keyMatches(actualHex: string, expectedHex: string): boolean {
  const a = Buffer.from(actualHex, 'utf8');
  const b = Buffer.from(expectedHex, 'utf8');
  // Lengths differ only when the stored hash is malformed; compare anyway to keep timing flat.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}
