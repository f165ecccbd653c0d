import { describe, expect, it } from 'vitest';
import { connectivityLines, diagnosticsHealth } from './diagnostics.js';
import { diskPercent, memoryPercent } from './health-chart.js';

describe('diagnosticsHealth', () => {
  it('keeps the percentages the chart will draw', () => {
    const [point] = diagnosticsHealth([{ at: '2026-03-10T12:00:00.000Z', cpuPercent: 12, memoryPercent: 63.5, diskPercent: 91 }]);
    expect(point?.cpuPercent).toBe(12);
    expect(point && memoryPercent(point)).toBe(63.5);
    expect(point && diskPercent(point)).toBe(91);
    const [noDisk] = diagnosticsHealth([{ at: '2026-03-10T12:00:00.000Z', cpuPercent: 1, memoryPercent: 2, diskPercent: null }]);
    expect(noDisk && diskPercent(noDisk)).toBeNull();
  });
});

describe('connectivityLines', () => {
  it('reads the check as ok / failed / unknown lines', () => {
    const lines = connectivityLines({
      checkedAt: '2026-03-10T12:00:00.000Z',
      adapters: [],
      defaultGateway: '192.168.1.1',
      gatewayReachable: true,
      dnsServers: ['1.1.1.1', '8.8.8.8'],
      dnsResolves: false,
      hubReachable: null,
      notes: [],
    });
    expect(lines).toEqual([
      { label: 'Default gateway reachable', result: 'ok', detail: '192.168.1.1' },
      { label: 'DNS resolves', result: 'failed', detail: '1.1.1.1, 8.8.8.8' },
      { label: 'Hub reachable', result: 'unknown', detail: null },
    ]);
  });
});
