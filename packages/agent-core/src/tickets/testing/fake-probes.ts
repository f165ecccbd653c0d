import type { ConnectivityProbes } from '../connectivity.js';

/** Probes for tests: a closed network made to look healthy, or broken where told. */
export function fakeProbes(overrides: Partial<ConnectivityProbes> = {}): ConnectivityProbes {
  return {
    networkInterfaces: () => ({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.0.2.10', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    }),
    defaultGateway: () => Promise.resolve('192.0.2.1'),
    gatewayReachable: () => Promise.resolve(true),
    lookup: () => Promise.resolve('192.0.2.53'),
    dnsServers: () => ['192.0.2.53'],
    hubHealthy: () => Promise.resolve(true),
    now: () => Date.UTC(2026, 0, 1, 12),
    ...overrides,
  };
}
