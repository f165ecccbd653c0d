import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseGetBitLockerVolume } from './get-bitlocker-volume.js';

const PREFIX = 'get-bitlockervolume.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseGetBitLockerVolume, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s: every volume has a mount and a known status', (name) => {
    for (const volume of parse(name)) {
      expect(volume.mount).toMatch(/^[A-Z]:$/);
      expect(volume.conversion).not.toBe('unknown');
    }
  });

  it('table view: five volumes, truncated protector list flagged', () => {
    const volumes = parse('get-bitlockervolume.table.msdocs.1.txt');
    expect(volumes.map((v) => v.mount)).toEqual(['D:', 'E:', 'C:', 'F:', 'G:']);
    expect(volumes[0]).toMatchObject({ conversion: 'encrypting', percentEncrypted: 1, keyProtectors: ['RecoveryPassword'], keyProtectorsTruncated: true, protection: 'off' });
    expect(volumes[2]).toMatchObject({ conversion: 'fully-decrypted', keyProtectors: ['Tpm'] });
    expect(volumes[0]?.sizeBytes).toBe(Math.round(931.51 * 1024 ** 3));
  });

  it('Format-List with CapacityGB 218,2344 (comma locale) and an empty AutoUnlockEnabled', () => {
    const [volume] = parse('get-bitlockervolume.format-list.msdocs.2.txt');
    expect(volume).toMatchObject({ mount: 'C:', conversion: 'fully-encrypted', percentEncrypted: 100, protection: 'on', method: 'XtsAes128', keyProtectors: ['RecoveryPassword', 'Tpm'], locked: false });
    expect(volume?.sizeBytes).toBe(Math.round(218.2344 * 1024 ** 3));
  });
});

describe('parseGetBitLockerVolume edge cases', () => {
  it.each(['', 'Get-BitLockerVolume : Access denied', 'VolumeType Mount\n---------- -----\n'])('unknown for %j', (text) => {
    expect(parseGetBitLockerVolume(text).status).toBe('unknown');
  });
});
