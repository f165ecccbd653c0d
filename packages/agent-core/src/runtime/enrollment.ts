import { newId } from '@deskside/protocol';
import type { EnrollOptions, EnrollResult } from '../connection/enroll.js';
import { hubBase } from '../connection/enroll.js';
import { normalizeFingerprint } from '../connection/tls-pin.js';
import type { AgentState, AgentStateStore } from '../identity/agent-state.js';
import { cut } from '../collectors/normalize.js';
import { AGENT_VERSION } from '../version.js';
import type { Logger } from '../util/logger.js';

/** Raised when the agent cannot start as configured (not enrolled and no token, …). */
export class AgentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentConfigError';
  }
}

export interface EnrollmentDeps {
  stateStore: AgentStateStore;
  enroll: (options: EnrollOptions) => Promise<EnrollResult>;
  machineId: () => Promise<string>;
  hostname: () => string;
  now: () => number;
  logger: Logger;
}

/**
 * The stored credential, or a new one from the hub when there is none. The token is used only the
 * first time; later runs ignore it (and never log it).
 */
export async function loadOrEnroll(
  deps: EnrollmentDeps,
  hubUrl: string | undefined,
  enrollToken: string | undefined,
  hubFingerprint?: string,
): Promise<{ state: AgentState; enrolled: boolean }> {
  const stored = await deps.stateStore.load();
  if (stored) {
    if (hubUrl && normalizeHub(hubUrl) !== stored.hubUrl) {
      deps.logger.warn('already enrolled with another hub; using the stored one (remove the state file to move)', {
        storedHub: stored.hubUrl,
      });
    }
    return { state: stored, enrolled: false };
  }
  if (!hubUrl || !enrollToken) {
    throw new AgentConfigError('this agent is not enrolled yet: run it once with --hub URL --enroll-token TOKEN');
  }
  const hub = normalizeHub(hubUrl);
  const pin = firstContactPin(hub, hubFingerprint);
  const deviceId = newId(deps.now());
  const answer = await deps.enroll({
    hubUrl: hub,
    ...(pin ? { pin } : {}),
    request: {
      enrollToken,
      deviceId,
      machineId: await deps.machineId(),
      hostname: cut(deps.hostname() || 'unknown', 255),
      agentVersion: AGENT_VERSION,
    },
  });
  const state: AgentState = {
    hubUrl: hub,
    deviceId: answer.deviceId,
    deviceKey: answer.deviceKey,
    siteId: answer.siteId,
    policy: answer.policy,
    enrolledAt: new Date(deps.now()).toISOString(),
  };
  const tlsFingerprint = fingerprintToPin(hub, pin, answer, deps.logger);
  if (tlsFingerprint) state.tlsFingerprint = tlsFingerprint;
  // Pinned once, like the certificate: later fix requests must be signed by this key.
  if (answer.actionKey) state.actionKey = answer.actionKey;
  await deps.stateStore.save(state);
  return { state, enrolled: true };
}

/** The hub's origin (scheme, host, port), which is all the agent needs and stores. */
export function normalizeHub(hubUrl: string): string {
  return hubBase(hubUrl).origin;
}

/** The fingerprint to check before the token leaves, from `--hub-fingerprint`; only for https hubs. */
function firstContactPin(hub: string, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const pin = normalizeFingerprint(given);
  if (!pin) throw new AgentConfigError('the hub fingerprint must be a SHA-256 fingerprint (64 hex digits, colons optional)');
  if (!hub.startsWith('https:')) throw new AgentConfigError('a hub fingerprint only makes sense with an https:// hub URL');
  return pin;
}

/**
 * What later connections will pin. With a first-contact pin it is that certificate (verified). Without
 * one, the CA-verified certificate the hub presented, when the hub names that same one; if the hub
 * names another (a TLS-terminating proxy in front of it), pinning it would lock the agent out, so the
 * agent keeps relying on the CAs and says so.
 */
function fingerprintToPin(hub: string, pin: string | undefined, answer: EnrollResult, logger: Logger): string | undefined {
  if (!hub.startsWith('https:')) return undefined;
  const named = answer.tlsFingerprint;
  if (pin) {
    if (named && named !== pin) logger.warn('the hub names another certificate than the one it presented; pinning the presented one', { named, presented: pin });
    return pin;
  }
  const presented = answer.peerFingerprint;
  if (named && named === presented) return named;
  if (named) logger.warn('the hub names another certificate than the one it presented; not pinning, the system CAs stay in charge', { named, presented });
  return undefined;
}
