import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSysteminfo } from './systeminfo.js';

const PREFIX = 'systeminfo.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseSysteminfo, readFixture('windows', name)));
const MIB = 1024 * 1024;

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s: OS, dates, memory, hotfixes and NICs', (name) => {
    const info = parse(name);
    expect(info.osName).toMatch(/^Microsoft Windows/);
    expect(info.build).toMatch(/^\d+$/);
    expect(info.installDate?.iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(info.bootTime?.iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(info.totalMemoryBytes).toBeGreaterThan(1024 * MIB);
    expect(info.hotfixes.every((kb) => /^KB\d+$/.test(kb))).toBe(true);
    expect(info.nics.length).toBeGreaterThan(0);
  });

  it('win10 VM (LF endings)', () => {
    const info = parse('systeminfo.win10-20h2-vm.1.txt');
    expect(info).toMatchObject({ hostName: 'DESKTOP-WIN01', osVersion: '10.0.19042', build: '19042', manufacturer: 'VMware, Inc.', model: 'VMware7,1', domain: 'TEST.local', totalMemoryBytes: 2047 * MIB, hotfixCountDeclared: 6, hotfixListTruncated: false });
    expect(info.installDate).toEqual({ text: '2/16/2021, 11:20:27 AM', iso: '2021-02-16T11:20:27' });
    expect(info.hotfixes).toEqual(['KB4578968', 'KB4562830', 'KB4570334', 'KB4580325', 'KB4586864', 'KB4594440']);
    expect(info.nics).toEqual([{ description: 'Intel(R) 82574L Gigabit Network Connection', connectionName: 'Ethernet0', dhcpEnabled: true, dhcpServer: '192.168.133.250', ipAddresses: ['192.168.133.3', 'fe80::192:eb64:1fcf:86eb'] }]);
  });

  it('win2012r2 (CRLF): Hyper-V, static address, PM boot time', () => {
    const info = parse('systeminfo.win2012r2.2.txt');
    expect(info).toMatchObject({ model: 'Virtual Machine', totalMemoryBytes: 3555 * MIB, hotfixes: ['KB2919355', 'KB2975061', 'KB2999226', 'KB3151864', 'KB4054566'] });
    expect(info.bootTime?.iso).toBe('2021-03-28T14:34:44');
    expect(info.nics[0]).toMatchObject({ connectionName: 'Ethernet 2', dhcpEnabled: false, ipAddresses: ['172.16.32.10'] });
  });

  it('win7: "302 Hotfix(s)" declared, but systeminfo printed only 245 before its cut-off', () => {
    const info = parse('systeminfo.win7.3.txt');
    expect(info.hotfixCountDeclared).toBe(302);
    expect(info.hotfixes).toHaveLength(245);
    expect(info.hotfixListTruncated).toBe(true);
    expect(info.servicePack).toBe('Service Pack 1');
    expect(info.nics).toHaveLength(5);
    expect(info.nics[0]).toMatchObject({ connectionName: 'Bluetooth Network Connection', status: 'Media disconnected', ipAddresses: [] });
    expect(info.nics[2]?.ipAddresses).toEqual(['192.168.2.2']);
    expect(info.installDate?.iso).toBe('2015-01-01T12:00:00');
  });
});

describe('parseSysteminfo edge cases', () => {
  it('keeps a day/month-ambiguous date as text', () => {
    const info = okValue(parseSysteminfo('Host Name:                 X\nOS Name:                   Microsoft Windows 11 Pro\nOriginal Install Date:     03/04/2023, 10:00:00\n'));
    expect(info.installDate).toMatchObject({ iso: null, note: expect.stringContaining('ambiguous') });
  });

  it.each(['', 'ERROR: Access denied', 'Hostname:                  PC\nBetriebssystemname:        Microsoft Windows 10 Pro'])('unknown for %j', (text) => {
    expect(parseSysteminfo(text).status).toBe('unknown');
  });
});
