/**
 * The one module that binds the tray to agent-core's concrete API. Everything else in the shell
 * talks to the structural `AgentRuntimeLike` from agent-host.ts.
 */
import { collectInventory, createAgentRuntime as createCoreRuntime } from '@deskside/agent-core';
import type { CreateAgentRuntime } from './agent-host.js';
import { SealedAgentStateStore } from './sealed-state-store.js';
import type { ComputerFacts } from './this-computer.js';

/** agent-core's runtime on the real machine, with the keychain-sealed state store when there is one. */
export const createAgentRuntime: CreateAgentRuntime = ({ stateDir, logger, secretSealer }) =>
  createCoreRuntime({
    stateDir,
    logger,
    ...(secretSealer ? { overrides: { stateStore: new SealedAgentStateStore(stateDir, secretSealer, logger) } } : {}),
  });

/** Serial number and OS name from one inventory run (agent-core runs it off the main thread). */
export async function readComputerFacts(): Promise<ComputerFacts> {
  const inventory = await collectInventory();
  // A section a collector could not read is absent: the window then says "Unknown".
  const os = [inventory.os?.distro, inventory.os?.release].filter((part): part is string => Boolean(part)).join(' ');
  return { serialNumber: inventory.system?.serial ?? null, os: os || null };
}
