import type { ConnectivityCheck } from '@deskside/protocol';
import { errorMessage } from '../util/with-timeout.js';

/** `os.networkInterfaces()`'s shape, narrowed to what the check reads. */
export type InterfaceMap = Record<string, Array<{ address: string; family: string | number; internal: boolean }> | undefined>;

/** Everything the check touches, passed in: tests inject a resolver (the build network is closed). */
export interface ConnectivityProbes {
  networkInterfaces: () => InterfaceMap;
  /** The default gateway's address, or null when it cannot be read. */
  defaultGateway: () => Promise<string | null>;
  /** True when the gateway answered (ping, or a TCP connect that was accepted or refused). */
  gatewayReachable: (gateway: string) => Promise<boolean>;
  /** Resolves a host name; rejects when it cannot. */
  lookup: (hostname: string) => Promise<string>;
  dnsServers: () => string[];
  /** GET `<hub>/healthz` with a short timeout: true on a 2xx answer. */
  hubHealthy: (hubUrl: string) => Promise<boolean>;
  now: () => number;
}

/** A name that should resolve anywhere the internet is reachable. */
export const WELL_KNOWN_NAME = 'www.msftconnecttest.com';

/**
 * The connectivity check taken when the employee clicks "Get help" or "Check my connection":
 * IP configuration, default gateway reachable, DNS resolves, hub reachable. Each step is bounded
 * by its probe's timeout and cannot throw; what failed is said in plain words in `notes`.
 */
export async function checkConnectivity(probes: ConnectivityProbes, hubUrl: string | null): Promise<ConnectivityCheck> {
  const notes: string[] = [];
  const adapters = readAdapters(probes.networkInterfaces());
  if (adapters.length === 0) notes.push('This computer has no network connection (no network adapter has an address).');

  const gateway = await probes.defaultGateway().catch(() => null);
  let gatewayReachable: boolean | null = null;
  if (gateway === null) notes.push('No default gateway (router) is configured.');
  else {
    gatewayReachable = await probes.gatewayReachable(gateway).catch(() => false);
    if (!gatewayReachable) notes.push(`The router (${gateway}) does not answer.`);
  }

  const hubHost = hubUrl ? hostOf(hubUrl) : null;
  const names = [...(hubHost && !isIpLiteral(hubHost) ? [hubHost] : []), WELL_KNOWN_NAME];
  let resolved = 0;
  for (const name of names) {
    try {
      await probes.lookup(name);
      resolved++;
    } catch (e) {
      notes.push(`DNS lookup of ${name} failed: ${shortError(e)}`);
    }
  }
  const dnsResolves = resolved > 0;

  let hubReachable: boolean | null = null;
  if (hubUrl === null) notes.push('No help desk address is configured on this computer.');
  else {
    hubReachable = await probes.hubHealthy(hubUrl).catch(() => false);
    if (!hubReachable) notes.push('The help desk server does not answer.');
  }

  return {
    checkedAt: new Date(probes.now()).toISOString(),
    adapters: adapters.slice(0, 32),
    defaultGateway: gateway?.slice(0, 64) ?? null,
    gatewayReachable,
    dnsServers: probes.dnsServers().map((s) => s.slice(0, 64)).slice(0, 64),
    dnsResolves,
    hubReachable,
    notes: notes.map((n) => n.slice(0, 512)).slice(0, 16),
  };
}

function readAdapters(map: InterfaceMap): ConnectivityCheck['adapters'] {
  const out: ConnectivityCheck['adapters'] = [];
  for (const [name, entries] of Object.entries(map)) {
    const external = (entries ?? []).filter((e) => !e.internal);
    if (external.length === 0) continue;
    const family = (e: { family: string | number }) => String(e.family).replace('IPv', '');
    out.push({
      name: name.slice(0, 256),
      ipv4: external.filter((e) => family(e) === '4').map((e) => e.address.slice(0, 64)).slice(0, 64),
      ipv6: external.filter((e) => family(e) === '6').map((e) => e.address.slice(0, 128)).slice(0, 64),
      dhcp: null,
    });
  }
  return out;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

function shortError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : errorMessage(e).slice(0, 120);
}
