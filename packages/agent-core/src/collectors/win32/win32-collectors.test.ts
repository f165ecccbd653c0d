import { InventorySectionsSchema, UsersSectionSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { fixtureSuiteName, fixturesAvailable, readFixture } from '../../probes/testing/fixtures.js';
import { scriptedEnv, type ScriptedCommand } from '../exec-fixtures.js';
import { platformCollectors } from '../platform-collectors.js';
import { collectUsers, localAccounts } from '../users.js';
import { windowsOsDetails } from './os-details.js';

const fx = (name: string) => readFixture('windows', name);

// Each command the Windows collectors run, answered with a recording made on a real Windows PC.
function commands(): ScriptedCommand[] {
  return [
    { file: 'reg.exe', argsContain: 'export HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', stdout: fx('registry-uninstall-export.win10-ru.1.reg') },
    { file: 'reg.exe', argsContain: 'export HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall', stdout: fx('registry-uninstall-export.mssql.3.reg') },
    { file: 'reg.exe', argsContain: 'export HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', exitCode: 1 },
    { file: 'reg.exe', argsContain: 'query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate', stdout: '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired\r\n', exitCode: 0 },
    { file: 'reg.exe', argsContain: 'query HKLM', stdout: '', exitCode: 1 },
    { file: 'sc.exe', stdout: fx('sc-query.win7-era.excerpt.1.txt') },
    { file: 'wmic.exe', argsContain: 'win32_useraccount', stdout: fx('wmic-win32-useraccount-local.win10-fr.1.txt') },
    { file: 'powershell.exe', argsContain: 'S-1-5-32-544', stdout: 'Nom alias     Administrateurs\r\n\r\nMembres\r\n\r\n-------------------------------------------------------------------------------\r\nAdministrateur\r\nLa commande s’est terminée correctement.\r\n' },
    { file: 'powershell.exe', argsContain: 'Microsoft.Update.Session', stdout: '7\r\n' },
    { file: 'powershell.exe', argsContain: 'SecurityCenter2', stdout: fx('securitycenter2-antivirusproduct.get-ciminstance.win10-22h2.1.txt') },
    // No recording of Get-MpComputerStatus exists: a small output in PowerShell 7's JSON form, written for this test.
    { file: 'powershell.exe', argsContain: 'Get-MpComputerStatus', stdout: '{"AMServiceEnabled":true,"AntivirusEnabled":true,"RealTimeProtectionEnabled":true,"AntivirusSignatureVersion":"1.381.2140.0","AntivirusSignatureLastUpdated":"2023-01-09T08:02:11+01:00","AntivirusSignatureAge":0}\r\n' },
    { file: 'netsh.exe', stdout: fx('netsh-advfirewall-show-allprofiles.public-profile.excerpt.1.txt') },
    { file: 'manage-bde.exe', stdout: fx('manage-bde-status-C.win11-22621-en-decimal-comma.1.txt') },
    { file: 'systeminfo.exe', stdout: fx('systeminfo.win10-20h2-vm.1.txt') },
  ];
}

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', 'collectors over '), () => {
  const calls: string[] = [];
  // A skipped suite's body still runs (to collect its tests): read the fixtures only when they exist.
  const env = scriptedEnv('win32', fixturesAvailable('windows') ? commands() : [], {}, calls);
  const windows = platformCollectors(env);

  it('software: both registry views, tagged by view, sorted, schema-valid; a missing HKCU key is fine', async () => {
    const software = await windows.software();
    expect(InventorySectionsSchema.shape.software.parse(software)).toEqual(software);
    expect(new Set(software.map((s) => s.source))).toEqual(new Set(['registry', 'registry-wow64']));
    expect(software.some((s) => s.source === 'registry-wow64' && /SQL Server/i.test(s.name))).toBe(true);
    expect(software.some((s) => /[А-я]/.test(s.name))).toBe(true);
    const names = software.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(calls.filter((c) => c.startsWith('reg.exe export')).length).toBe(3);
  });

  it('services: drivers left out, state mapped, failed exit codes recognized', async () => {
    const services = await windows.services();
    expect(InventorySectionsSchema.shape.services.parse(services)).toEqual(services);
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s) => ['running', 'stopped', 'failed', 'paused', 'starting', 'stopping', 'unknown'].includes(s.state))).toBe(true);
  });

  it('security: antivirus from Security Center with the Defender definitions, firewall profiles, BitLocker on C:, pending updates, reboot pending', async () => {
    const security = await windows.security();
    expect(InventorySectionsSchema.shape.security.parse(security)).toEqual(security);
    // The recording's `timestamp` is Security Center's state time, not a signature date: the definitions come from Defender.
    expect(security.antivirus).toEqual([{ name: 'Windows Defender', enabled: true, upToDate: true, definitionsVersion: '1.381.2140.0', definitionsUpdatedAt: '2023-01-09T07:02:11.000Z' }]);
    expect(security.firewallProfiles.map((p) => p.name)).toEqual(['public']);
    expect(security.diskEncryption).toBe('bitlocker');
    expect(security.systemVolumeEncrypted).toBe(true);
    expect(security.rebootPending).toBe(true);
    expect(security.pendingUpdates).toBe(7);
  });

  it('users: local accounts with the Administrators group resolved by SID (French UI)', async () => {
    const accounts = await localAccounts(env);
    expect(accounts.find((a) => a.name === 'Administrateur')).toMatchObject({ admin: true });
    expect(accounts.some((a) => a.admin === false)).toBe(true);
    const users = await collectUsers(env);
    expect(UsersSectionSchema.parse(users).local.length).toBe(accounts.length);
  });

  it('os details: install date and workgroup from systeminfo', async () => {
    const details = await windowsOsDetails(env);
    expect(details.installedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(details.domain === null || details.workgroup === null).toBe(true);
  });

  it('start-up items: every Run key missing is unknown with the reason, not a crash', async () => {
    await expect(windows.startupItems()).rejects.toThrow(/reg.exe/);
  });
});
