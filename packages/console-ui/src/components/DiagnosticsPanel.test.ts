import type { DiagnosticsBundle } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DiagnosticsPanel } from './DiagnosticsPanel.js';

const bundle: DiagnosticsBundle = {
  collectedAt: '2026-03-10T12:00:00.000Z',
  summary: { hostname: 'pc-\u202Eevil', user: '<b>ana</b>', os: 'Windows 11', model: null, serial: 'SN1', cpu: null, ramBytes: 8 * 2 ** 30, ip: '10.0.0.5' },
  openAlerts: [{ check: 'disk-free', subject: 'C:', severity: 'critical', message: '<script>alert(1)</script>' }],
  samples: [
    { at: '2026-03-10T11:50:00.000Z', cpuPercent: 10, memoryPercent: 40, diskPercent: 80 },
    { at: '2026-03-10T11:55:00.000Z', cpuPercent: 20, memoryPercent: 42, diskPercent: 80 },
  ],
  recentSoftware: [{ name: 'Evil <i>App</i>', version: '1.0', change: 'installed', at: null }],
  rebootPending: true,
  batteryWearPercent: null,
  connectivity: {
    checkedAt: '2026-03-10T12:00:00.000Z',
    adapters: [],
    defaultGateway: null,
    gatewayReachable: false,
    dnsServers: [],
    dnsResolves: null,
    hubReachable: true,
    notes: ['gateway 10.0.0.1 did not answer'],
  },
};

describe('DiagnosticsPanel', () => {
  const html = renderToStaticMarkup(createElement(DiagnosticsPanel, { bundle }));

  it('shows every part of the bundle under the e2e test id', () => {
    expect(html).toContain('data-testid="ticket-diagnostics"');
    expect(html).toContain('data-testid="health-chart"');
    expect(html).toContain('data-testid="ticket-connectivity"');
    expect(html).toContain('data-result="failed"');
    expect(html).toContain('data-result="unknown"');
    expect(html).toContain('gateway 10.0.0.1 did not answer');
    expect(html).toContain('8 GB');
    expect(html).toContain('no battery / unknown');
    expect(html).toContain('installed');
  });

  it('renders the PC’s strings as text only', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>ana');
    expect(html).not.toContain('<i>App');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('⟨U+202E⟩');
  });
});
