import { GraphicsListSchema, InventorySectionsSchema, MemorySectionSchema, MonitorListSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { fixtureSuiteName, fixturesAvailable, readFixture } from '../../probes/testing/fixtures.js';
import { collectBattery } from '../battery.js';
import { scriptedEnv, type ScriptedCommand } from '../exec-fixtures.js';
import { platformCollectors } from '../platform-collectors.js';
import { collectMacStartup } from '../startup.js';
import { macGraphics, macMemory, macSystem } from './hardware.js';

const fx = (name: string) => readFixture('macos', name);

function commands(): ScriptedCommand[] {
  return [
    { file: 'system_profiler', argsContain: 'SPApplicationsDataType', stdout: fx('system_profiler-SPApplicationsDataType.text.macos14-era-fr-dates.excerpt-200.1.txt') },
    { file: 'system_profiler', argsContain: 'SPHardwareDataType', stdout: fx('system_profiler-SPHardwareDataType.text.m1pro-macbookpro18,3.2.txt') },
    { file: 'system_profiler', argsContain: 'SPMemoryDataType', stdout: fx('system_profiler-SPMemoryDataType.json.m1.1.json') },
    { file: 'system_profiler', argsContain: 'SPDisplaysDataType', stdout: fx('system_profiler-SPDisplaysDataType.text.dual-gpu.1.txt') },
    { file: 'system_profiler', argsContain: 'SPPowerDataType', stdout: fx('system_profiler-SPPowerDataType.text.charged.2.txt') },
    { file: 'fdesetup', stdout: fx('fdesetup-status.filevault-on.1.txt') },
    { file: 'defaults', argsContain: 'XProtect.bundle', stdout: '5287\n' },
    { file: 'defaults', stdout: '1\n' },
    { file: 'launchctl', argsContain: 'list', stdout: 'PID\tStatus\tLabel\n-\t0\tcom.apple.SafariHistoryServiceAgent\n512\t0\tcom.apple.Finder\n-\t78\tcom.example.broken-updater\n' },
  ];
}

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', 'collectors over '), () => {
  // A skipped suite's body still runs (to collect its tests): read the fixtures only when they exist.
  const env = scriptedEnv('darwin', fixturesAvailable('macos') ? commands() : [], { '/Library/LaunchAgents/com.example.updater.plist': '', '/home/test/Library/LaunchAgents/com.user.sync.plist': '' });
  const mac = platformCollectors(env);

  it('software: applications with the code signer as publisher and ISO install dates', async () => {
    const software = await mac.software();
    expect(InventorySectionsSchema.shape.software.parse(software)).toEqual(software);
    expect(software.length).toBeGreaterThan(50);
    expect(software.every((s) => s.source === 'applications')).toBe(true);
    expect(software.some((s) => s.publisher !== null && !s.publisher.startsWith('Developer ID'))).toBe(true);
    expect(software.filter((s) => s.installDate !== null).every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.installDate ?? ''))).toBe(true);
  });

  it('security: FileVault on, application firewall on, XProtect with its definitions version', async () => {
    const security = await mac.security();
    expect(InventorySectionsSchema.shape.security.parse(security)).toMatchObject({ diskEncryption: 'filevault', systemVolumeEncrypted: true, firewallEnabled: true });
    expect(security.antivirus).toEqual([{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: '5287' }]);
  });

  it('services: launchd jobs sorted by label, running by pid, failed by a positive exit status', async () => {
    const services = await mac.services();
    expect(InventorySectionsSchema.shape.services.parse(services)).toEqual(services);
    expect(services.map((s) => [s.name, s.state])).toEqual([
      ['com.apple.Finder', 'running'],
      ['com.apple.SafariHistoryServiceAgent', 'stopped'],
      ['com.example.broken-updater', 'failed'],
    ]);
  });

  it('system, memory, graphics and battery from System Information', async () => {
    const system = await macSystem(env);
    expect(system).toMatchObject({ manufacturer: 'Apple Inc.', model: 'MacBookPro18,3' });
    expect(system.serial).not.toBeNull();
    const memory = await macMemory(env);
    expect(MemorySectionSchema.parse(memory).totalBytes).toBeGreaterThan(0);
    const { graphics, monitors } = await macGraphics(env);
    expect(GraphicsListSchema.parse(graphics).length).toBe(2);
    expect(MonitorListSchema.parse(monitors).length).toBeGreaterThan(0);
    const battery = await collectBattery(env);
    expect(InventorySectionsSchema.shape.battery.parse(battery)).toMatchObject({ capacityUnit: 'mAh' });
    expect(battery.cycleCount).toBeGreaterThan(0);
  });

  it('start-up items: launchd plists, the user’s marked as such', async () => {
    expect(await collectMacStartup(env)).toEqual([
      { name: 'com.example.updater', command: null, location: '/Library/LaunchAgents', user: null },
      { name: 'com.user.sync', command: null, location: '~/Library/LaunchAgents', user: 'current user' },
    ]);
  });

  it('services are unknown with the probe reason when launchctl is missing', async () => {
    await expect(platformCollectors(scriptedEnv('darwin', [])).services()).rejects.toThrow(/macos\.launchctl-list/);
  });
});
