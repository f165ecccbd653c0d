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
  /** How long a call waits for the first inventory read before answering without it. */
  factsWaitMs?: number;
}

const UNKNOWN: ComputerFacts = { serialNumber: null, os: null };

/**
 * What a technician asks on the phone. Hostname, user and addresses are read on every call (they
 * change with networks); serial and OS come from one inventory read, retried after a failure. A
 * slow first read does not hold the window: it answers without them and has them next time.
 */
export function createThisComputer(sources: ThisComputerSources): () => Promise<ThisComputerInfo> {
  const waitMs = sources.factsWaitMs ?? 4000;
  let facts: Promise<ComputerFacts> | null = null;
  return async () => {
    facts ??= sources.facts().catch((error: unknown) => {
      facts = null;
      throw error;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<ComputerFacts>((resolve) => {
      timer = setTimeout(() => resolve(UNKNOWN), waitMs);
    });
    let known = UNKNOWN;
    try {
      known = await Promise.race([facts, late]);
    } catch {
      // The window still shows what can be read without the inventory.
    } finally {
      clearTimeout(timer);
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
