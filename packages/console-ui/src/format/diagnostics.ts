import type { DiagnosticsBundle, HealthPoint } from '@deskside/protocol';

/**
 * The bundle's samples (percentages) as the health chart's points: memory and disk become
 * "used of 100", which the chart turns back into the same percentages. Uptime is not in a bundle.
 */
export function diagnosticsHealth(samples: DiagnosticsBundle['samples']): HealthPoint[] {
  return samples.map((s) => ({
    at: s.at,
    cpuPercent: s.cpuPercent,
    memUsedBytes: s.memoryPercent,
    memTotalBytes: 100,
    diskUsedBytes: s.diskPercent,
    diskTotalBytes: s.diskPercent === null ? null : 100,
    uptimeSeconds: 0,
  }));
}

/** One line of the connectivity check: what was checked and how it went. */
export interface ConnectivityLine {
  label: string;
  result: 'ok' | 'failed' | 'unknown';
  detail: string | null;
}

/** The connectivity check as a checklist: gateway, DNS, the hub. */
export function connectivityLines(check: NonNullable<DiagnosticsBundle['connectivity']>): ConnectivityLine[] {
  const result = (v: boolean | null) => (v === null ? 'unknown' : v ? 'ok' : 'failed') as ConnectivityLine['result'];
  return [
    { label: 'Default gateway reachable', result: result(check.gatewayReachable), detail: check.defaultGateway },
    { label: 'DNS resolves', result: result(check.dnsResolves), detail: check.dnsServers.length > 0 ? check.dnsServers.join(', ') : null },
    { label: 'Hub reachable', result: result(check.hubReachable), detail: null },
  ];
}
