import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseLsblk } from './lsblk.js';

const PREFIX = 'lsblk-';
const files = listFixtures('linux', PREFIX);
const parse = (name: string) => okValue(parseWith(parseLsblk, readFixture('linux', name)));

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: every device has a name and type; partitions have a parent', (name) => {
    for (const device of parse(name)) {
      expect(device.name).toMatch(/^[a-z]/);
      expect(device.type).not.toBe('');
      if (device.type === 'part') expect(device.parent).toBeDefined();
    }
  });

  it('Ubuntu 18.04 VM: disk, tree-drawn partitions, labels and models with spaces', () => {
    const devices = parse('lsblk-o-plus-allcols.ubuntu1804-vm.1.txt');
    expect(devices.filter((d) => d.type === 'loop').length).toBeGreaterThan(5);
    expect(devices.find((d) => d.name === 'sda')).toMatchObject({ type: 'disk', sizeBytes: 20 * 1024 ** 3, model: 'VMware Virtual S', transport: 'spi', rotational: true });
    expect(devices.find((d) => d.name === 'sda2')).toMatchObject({ type: 'part', parent: 'sda', mountpoint: '/', fstype: 'ext4', uuid: '011527a0-c72a-4c00-a50e-ee90da26b6e2' });
    expect(devices.find((d) => d.name === 'sr1')).toMatchObject({ type: 'rom', label: 'Ubuntu-Server 18.04.3 LTS amd64', model: 'VMware SATA CD01', serial: '01000000000000000001', vendor: 'NECVMWar', removable: true });
    expect(devices.find((d) => d.name === 'loop0')).toMatchObject({ mountpoint: '/snap/core18/1223', fstype: 'squashfs', readOnly: true });
  });
});

describe('parseLsblk edge cases', () => {
  it('reads a minimal default listing with ASCII tree characters', () => {
    const text = 'NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT\nsda      8:0    0  1.8T  0 disk \n|-sda1   8:1    0  512M  0 part /boot/efi\n`-sda2   8:2    0  1.8T  0 part /\n';
    expect(okValue(parseLsblk(text)).map((d) => [d.name, d.parent, d.mountpoint])).toEqual([
      ['sda', undefined, undefined],
      ['sda1', 'sda', '/boot/efi'],
      ['sda2', 'sda', '/'],
    ]);
  });

  it.each(['', 'lsblk: unknown column', 'NAME MAJ:MIN\n'])('unknown for %j', (text) => {
    expect(parseLsblk(text).status).toBe('unknown');
  });
});
