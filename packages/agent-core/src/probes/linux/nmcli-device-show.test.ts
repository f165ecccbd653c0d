import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseNmcliDeviceShow } from './nmcli-device-show.js';

const PREFIX = 'nmcli-device-show.';
const files = listFixtures('linux', PREFIX);

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: every device has a name, type and MAC', (name) => {
    for (const device of okValue(parseWith(parseNmcliDeviceShow, readFixture('linux', name)))) {
      expect(device.name).not.toBe('');
      expect(device.mac).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    }
  });

  it('CentOS 7.7 VM: ethernet with gateway and DNS, docker bridge, loopback; "--" is absent', () => {
    const devices = okValue(parseWith(parseNmcliDeviceShow, readFixture('linux', 'nmcli-device-show.centos77-vm.2.txt')));
    expect(devices[0]).toEqual({ name: 'ens33', type: 'ethernet', mac: '00:0C:29:3B:58:0E', state: 'connected', connection: 'ens33', ipv4: ['192.168.71.180/24'], ipv6: ['fe80::c1cb:715d:bc3e:b8a0/64'], gateway4: '192.168.71.2', dns: ['192.168.71.2'] });
    expect(devices.map((d) => [d.name, d.type, d.state, d.connection, d.gateway4])).toEqual([
      ['ens33', 'ethernet', 'connected', 'ens33', '192.168.71.2'],
      ['docker0', 'bridge', 'unmanaged', undefined, undefined],
      ['lo', 'loopback', 'unmanaged', undefined, undefined],
    ]);
  });
});

describe('parseNmcliDeviceShow edge cases', () => {
  it.each(['', 'Error: NetworkManager is not running.', 'GENERAL.TYPE: ethernet'])('unknown for %j', (text) => {
    expect(parseNmcliDeviceShow(text).status).toBe('unknown');
  });
});
