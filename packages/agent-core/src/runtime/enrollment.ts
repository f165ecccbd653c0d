import { newId, type EnrollResponse } from '@deskside/protocol';
import type { EnrollOptions } from '../connection/enroll.js';
import { hubBase } from '../connection/enroll.js';
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
  enroll: (options: EnrollOptions) => Promise<EnrollResponse>;
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
  const deviceId = newId(deps.now());
  const answer = await deps.enroll({
    hubUrl: hub,
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
  await deps.stateStore.save(state);
  return { state, enrolled: true };
}

/** The hub's origin (scheme, host, port), which is all the agent needs and stores. */
export function normalizeHub(hubUrl: string): string {
  return hubBase(hubUrl).origin;
}
