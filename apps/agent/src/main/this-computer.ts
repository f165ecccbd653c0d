import type { NetworkInterfaceInfo } from 'node:os';
import type { AgentConnectionStatus, ThisComputerInfo } from '../common/bridge-api.js';

/** The few inventory facts the window shows; agent-core's inventory document has them. */
export interface ComputerFacts {
  serialNumber: string | null;
  os: string | null;
}

export interface ThisComputerSources {
  hostname: () => string;
  username: () => string;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** Serial and OS name: slow to read (processes), so read once and kept. */
  facts: () => Promise<ComputerFacts>;
  fallbackOs: () => string;
  deviceId: () => string | null;
  status: () => AgentConnectionStatus;
}

/**
 * What a technician asks on the phone. Hostname, user and addresses are read on every call (they
 * change with networks); serial and OS come from one inventory read, retried after a failure.
 */
export function createThisComputer(sources: ThisComputerSources): () => Promise<ThisComputerInfo> {
  let facts: Promise<ComputerFacts> | null = null;
  return async () => {
    facts ??= sources.facts().catch((error: unknown) => {
      facts = null;
      throw error;
    });
    let known: ComputerFacts = { serialNumber: null, os: null };
    try {
      known = await facts;
    } catch {
      // The window still shows what can be read without the inventory.
    }
    return {
      hostname: sources.hostname(),
      user: sources.username(),
      ipAddresses: externalAddresses(sources.networkInterfaces()),
      serialNumber: known.serialNumber,
      os: known.os ?? sources.fallbackOs(),
      deviceId: sources.deviceId(),
      status: sources.status(),
    };
  };
}

/** Non-internal addresses, IPv4 first, without link-local IPv6 (useless on the phone). */
export function externalAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const usable = all.filter((a) => !a.internal && !(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')));
  const v4 = usable.filter((a) => a.family === 'IPv4').map((a) => a.address);
  const v6 = usable.filter((a) => a.family === 'IPv6').map((a) => a.address);
  return [...new Set([...v4, ...v6])].slice(0, 16);
}
