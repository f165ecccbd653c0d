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
import { cadencePolicy } from '../policy/agent-policy.js';
import { ServiceError } from '../service-error.js';
import { hashDeviceKey, newDeviceKey } from './device-key.js';

export interface EnrollDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** inventoryIntervals: pushed in the first policy (absent: the agent's defaults). */
  config: Pick<HubConfig, 'heartbeatSeconds'> & Partial<Pick<HubConfig, 'inventoryIntervals'>>;
  /** SHA-256 fingerprint of the hub's TLS certificate, handed to the agent to pin. */
  tlsFingerprint?: string;
  /** The hub's fix-signing public key, for the agent to pin. */
  actionKey?: string;
  /** Told after the commit, so the agent's first handshake is checked cheaply (realtime's key cache). */
  onEnrolled?: (deviceId: string, keyHash: string) => void;
}

// One message for every token problem, so a guesser learns nothing about which tokens exist.
const BAD_TOKEN = 'The enrolment token is not valid.';

/**
 * Trades an enrolment token for a device credential. Refuses an agent too old to talk to, an
 * unusable token, and a re-used device id. A machine id already in the fleet (a cloned image) is
 * quarantined: the device is enrolled as `pending-approval`, cannot connect until a technician
 * approves it, and two PCs are never silently merged into one record.
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
  const { siteId, approval } = await deps.store.transaction(async (tx) => {
    const token = await tx.enrollTokens.findByTokenHash(sha256Hex(request.enrollToken));
    if (!token || !usable(token, now)) throw new ServiceError('unauthorized', BAD_TOKEN);
    const twin = await tx.devices.findByMachineId(request.machineId);
    if (twin) deps.logger.warn('enrolment quarantined: duplicate machine id', { deviceId: request.deviceId, existingDeviceId: twin.id });
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
    if (twin) await tx.deviceApprovals.set(request.deviceId, 'pending-approval');
    return { siteId: token.siteId, approval: twin ? ('pending-approval' as const) : ('active' as const) };
  });
  deps.onEnrolled?.(request.deviceId, hashDeviceKey(deviceKey));
  deps.logger.info('device enrolled', { deviceId: request.deviceId, siteId, approval, agentVersion: request.agentVersion });
  return {
    deviceId: request.deviceId,
    deviceKey,
    siteId,
    policy: { ...DEFAULT_AGENT_POLICY, ...cadencePolicy(deps.config) },
    approval,
    ...(deps.tlsFingerprint ? { tlsFingerprint: deps.tlsFingerprint } : {}),
    ...(deps.actionKey ? { actionKey: deps.actionKey } : {}),
  };
}

function usable(token: EnrollTokenRecord, now: Date): boolean {
  if (token.revokedAt !== null) return false;
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return false;
  return token.maxUses === null || token.uses < token.maxUses;
}
