import {
  DEFAULT_AGENT_POLICY,
  isSupportedProtocol,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  type EnrollRequest,
  type EnrollResponse,
} from '@deskside/protocol';
import type { EnrollTokenRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { HubConfig } from '../../config.js';
import type { Logger } from '../../log/logger.js';
import { sha256Hex } from '../auth/secrets.js';
import { ServiceError } from '../service-error.js';
import { hashDeviceKey, newDeviceKey } from './device-key.js';

export interface EnrollDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Pick<HubConfig, 'heartbeatSeconds'>;
}

// One message for every token problem, so a guesser learns nothing about which tokens exist.
const BAD_TOKEN = 'The enrolment token is not valid.';

/**
 * Trades an enrolment token for a device credential. Refuses an agent too old to talk to, an
 * unusable token, and an identity already in the fleet (a cloned image or a re-used device id):
 * two PCs are never silently merged into one record.
 */
export async function enroll(deps: EnrollDeps, request: EnrollRequest): Promise<EnrollResponse> {
  if (!isSupportedProtocol(request.protocolVersion)) {
    throw new ServiceError(
      'protocol_unsupported',
      `This hub speaks protocol ${MIN_SUPPORTED_PROTOCOL_VERSION}–${PROTOCOL_VERSION}; the agent speaks ${request.protocolVersion}. Update the agent.`,
    );
  }
  const now = deps.clock();
  const deviceKey = newDeviceKey();
  const siteId = await deps.store.transaction(async (tx) => {
    const token = await tx.enrollTokens.findByTokenHash(sha256Hex(request.enrollToken));
    if (!token || !usable(token, now)) throw new ServiceError('unauthorized', BAD_TOKEN);
    const twin = await tx.devices.findByMachineId(request.machineId);
    if (twin) {
      deps.logger.warn('enrolment refused: duplicate machine id', { deviceId: request.deviceId, existingDeviceId: twin.id });
      throw new ServiceError(
        'duplicate_identity',
        `Another enrolled device already has this machine id. If this PC was cloned from an image, reset its machine id; if it replaces that device, revoke the old one first.`,
      );
    }
    if (await tx.devices.findById(request.deviceId)) {
      throw new ServiceError('conflict', 'This device id is already enrolled. Generate a new device id and try again.');
    }
    // Last, and atomic: a refused enrolment must not spend one of the token's uses.
    if (!(await tx.enrollTokens.consumeUse(token.id, now))) throw new ServiceError('unauthorized', BAD_TOKEN);
    await tx.devices.create({
      id: request.deviceId,
      siteId: token.siteId,
      machineId: request.machineId,
      hostname: request.hostname,
      keyHash: hashDeviceKey(deviceKey),
      enrolledAt: now,
    });
    return token.siteId;
  });
  deps.logger.info('device enrolled', { deviceId: request.deviceId, siteId, agentVersion: request.agentVersion });
  return {
    deviceId: request.deviceId,
    deviceKey,
    siteId,
    policy: { ...DEFAULT_AGENT_POLICY, heartbeatSeconds: deps.config.heartbeatSeconds },
  };
}

function usable(token: EnrollTokenRecord, now: Date): boolean {
  if (token.revokedAt !== null) return false;
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return false;
  return token.maxUses === null || token.uses < token.maxUses;
}
