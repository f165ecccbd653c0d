import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticsBundleSchema, InventoryDocumentSchema, type InventoryDocument, type MetricsSample } from '@deskside/protocol';
import { AgentStateStore } from '../identity/agent-state.js';
import { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { Outbox } from '../outbox/outbox.js';
import { silentLogger } from '../util/logger.js';
import { HISTORY_POINTS, HISTORY_STEP_MS, SampleHistory } from './sample-history.js';
import { SoftwareChangeLog } from './software-changes.js';
import { fakeProbes } from './testing/fake-probes.js';
import { TicketDesk } from './ticket-desk.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const sample = (cpu: number): MetricsSample => ({
  cpuPercent: cpu,
  memUsedBytes: 4e9,
  memTotalBytes: 8e9,
  diskUsedBytes: 100e9,
  diskTotalBytes: 400e9,
  uptimeSeconds: 60,
});

function inventory(software: Array<{ name: string; version: string }>): InventoryDocument {
  return InventoryDocumentSchema.parse({
    schemaVersion: 1,
    collectedAt: new Date(NOW).toISOString(),
    agentVersion: '0.1.0',
    probes: [],
    os: { platform: 'linux', distro: 'Ubuntu', release: '24.04', build: null, codename: null, kernel: '6.8', arch: 'x64', hostname: 'pc-042', fqdn: null, timezone: null, lastBootAt: null },
    system: { manufacturer: 'Dell', model: 'Latitude 5440', version: null, serial: 'SN-42', uuid: null, sku: null, virtual: false },
    memory: { totalBytes: 8e9, modules: [] },
    network: {
      adapters: [{ name: 'eth0', mac: null, ipv4: ['192.0.2.10'], ipv6: [], type: 'wired', speedMbps: null, dhcp: null, isDefault: true }],
      defaultGateway: '192.0.2.1',
      dnsServers: [],
    },
    battery: { manufacturer: null, model: null, serial: null, chemistry: null, capacityUnit: 'mWh', designCapacity: 50_000, fullCapacity: 40_000, cycleCount: 300, healthPercent: null },
    security: { antivirus: null, firewallEnabled: null, firewallProfiles: [], diskEncryption: null, systemVolumeEncrypted: null, pendingUpdates: null, rebootPending: true },
    software: software.map((s) => ({ ...s, publisher: null, installDate: null, source: 'dpkg', arch: null })),
  });
}

let stateDir: string;
const envBackup = { ...process.env };

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'agent-diag-'));
});

afterEach(() => {
  process.env = { ...envBackup };
});

describe('SampleHistory', () => {
  it('keeps one point per 5 minutes, at most 288, persisted across instances', async () => {
    const history = new SampleHistory(stateDir);
    expect(await history.record(sample(10), NOW)).toBe(true);
    expect(await history.record(sample(90), NOW + 30_000)).toBe(false);
    for (let i = 1; i <= 300; i++) await history.record(sample(i % 100), NOW + i * HISTORY_STEP_MS);
    const end = NOW + 300 * HISTORY_STEP_MS;
    const points = await new SampleHistory(stateDir).last24h(end);
    expect(points).toHaveLength(HISTORY_POINTS);
    expect(points.at(-1)).toEqual({ at: new Date(end).toISOString(), cpuPercent: 0, memoryPercent: 50, diskPercent: 25 });
    expect(points[0]?.at).toBe(new Date(end - (HISTORY_POINTS - 1) * HISTORY_STEP_MS).toISOString());
  });

  it('starts empty from a corrupt file', async () => {
    await writeFile(join(stateDir, 'samples-24h.json'), '{"v":1,"points":[[1,"x"]]}');
    expect(await new SampleHistory(stateDir).last24h(NOW)).toEqual([]);
  });
});

describe('SoftwareChangeLog', () => {
  it('sets a baseline first, then reports installed, updated and removed software', async () => {
    const log = new SoftwareChangeLog(stateDir);
    expect(await log.note(inventory([{ name: 'Firefox', version: '120' }, { name: 'Zoom', version: '5' }]), NOW)).toEqual([]);
    const changes = await log.note(inventory([{ name: 'Firefox', version: '121' }, { name: 'Slack', version: '4' }]), NOW + 1000);
    expect(changes.map((c) => [c.name, c.change, c.version])).toEqual([
      ['Firefox', 'updated', '121'],
      ['Slack', 'installed', '4'],
      ['Zoom', 'removed', '5'],
    ]);
    expect(await new SoftwareChangeLog(stateDir).recent(NOW + 2000)).toHaveLength(3);
    expect(await new SoftwareChangeLog(stateDir).recent(NOW + 30 * 24 * 3600 * 1000)).toEqual([]);
  });
});

describe('diagnostics bundle', () => {
  async function desk(probeOverrides = {}) {
    return new TicketDesk({
      stateDir,
      outbox: await Outbox.open(join(stateDir, 'outbox')),
      now: () => NOW,
      newId: () => '01J00000000000000000000001',
      requester: () => ({ name: 'alice', username: 'alice', email: null }),
      hostname: () => 'fallback-host',
      probes: fakeProbes(probeOverrides),
      logger: silentLogger,
      storedInventory: async () => (await new AckedInventoryStore(stateDir).load())?.document ?? null,
    });
  }

  it('summarises the inventory, history, software changes, reboot, battery wear and connectivity', async () => {
    const d = await desk();
    await d.noteInventory(inventory([{ name: 'Firefox', version: '120' }]));
    await d.noteInventory(inventory([{ name: 'Firefox', version: '121' }]));
    await d.recordSample(sample(42));
    const bundle = await d.diagnostics();
    expect(DiagnosticsBundleSchema.parse(bundle)).toEqual(bundle);
    expect(bundle.summary).toEqual({
      hostname: 'pc-042',
      user: 'alice',
      os: 'Ubuntu 24.04',
      model: 'Dell Latitude 5440',
      serial: 'SN-42',
      cpu: null,
      ramBytes: 8e9,
      ip: '192.0.2.10',
    });
    expect(bundle.samples).toEqual([{ at: new Date(NOW).toISOString(), cpuPercent: 42, memoryPercent: 50, diskPercent: 25 }]);
    expect(bundle.recentSoftware).toEqual([{ name: 'Firefox', version: '121', change: 'updated', at: new Date(NOW).toISOString() }]);
    expect(bundle.rebootPending).toBe(true);
    expect(bundle.batteryWearPercent).toBe(20);
    expect(bundle.openAlerts).toEqual([]);
    expect(bundle.connectivity).toMatchObject({ gatewayReachable: true, dnsResolves: true, hubReachable: null });
  });

  it('lists the open alerts of the health checks, bounded to the schema', async () => {
    const d = new TicketDesk({
      stateDir,
      outbox: await Outbox.open(join(stateDir, 'outbox')),
      now: () => NOW,
      newId: () => '01J00000000000000000000001',
      requester: () => ({ name: 'alice', username: 'alice', email: null }),
      hostname: () => 'pc',
      probes: fakeProbes(),
      logger: silentLogger,
      openAlerts: () => Promise.resolve([{ check: 'disk-free', subject: '/', severity: 'warning', message: 'x'.repeat(5000) }]),
    });
    const bundle = await d.diagnostics();
    expect(bundle.openAlerts).toEqual([{ check: 'disk-free', subject: '/', severity: 'warning', message: 'x'.repeat(1024) }]);
  });

  it('works with no inventory at all (first minutes after install)', async () => {
    const bundle = await (await desk()).diagnostics();
    expect(bundle.summary).toMatchObject({ hostname: 'fallback-host', os: null, serial: null });
    expect(bundle.rebootPending).toBeNull();
    expect(bundle.batteryWearPercent).toBeNull();
  });

  it('never carries a secret from the agent state or the environment (canary)', async () => {
    const deviceKey = 'CANARY-device-key-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e';
    const enrollToken = 'CANARY-enrol-token-0b1c2d3e4f';
    await new AgentStateStore(stateDir, silentLogger).save({
      hubUrl: 'https://hub.example.test:4800',
      deviceId: '01J00000000000000000000DEV',
      deviceKey,
      siteId: '01J00000000000000000000S1T',
      policy: { heartbeatSeconds: 30, inventorySeconds: 3600 },
      enrolledAt: new Date(NOW).toISOString(),
    });
    process.env['DESKSIDE_ENROLL_TOKEN'] = enrollToken;
    process.env['DESKSIDE_ADMIN_PASSWORD'] = 'CANARY-password-hunter2';
    const d = await desk();
    await d.noteInventory(inventory([{ name: 'Firefox', version: '120' }]));
    d.attach({ drain: () => Promise.resolve(), hubUrl: () => 'https://hub.example.test:4800' });
    await d.recordSample(sample(1));
    const serialized = JSON.stringify(await d.diagnostics());
    for (const secret of [deviceKey, enrollToken, 'CANARY']) expect(serialized).not.toContain(secret);
    expect(serialized).toContain('pc-042');
  });
});
