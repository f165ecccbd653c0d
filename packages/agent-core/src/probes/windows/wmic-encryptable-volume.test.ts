import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseWmicEncryptableVolume } from './wmic-encryptable-volume.js';

const PREFIX = 'wmic-win32-encryptablevolume.';
const files = listFixtures('windows', PREFIX);

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s (UTF-16LE) parses', (name) => {
    expect(okValue(parseWith(parseWmicEncryptableVolume, readFixture('windows', name))).length).toBeGreaterThan(0);
  });

  it('win10: ConversionStatus=1, ProtectionStatus=1, EncryptionMethod=4', () => {
    const volumes = okValue(parseWith(parseWmicEncryptableVolume, readFixture('windows', 'wmic-win32-encryptablevolume.win10.1.txt')));
    expect(volumes).toEqual([{ mount: 'C:', protection: 'on', conversion: 'fully-encrypted', method: 'AES 256', keyProtectors: [] }]);
  });
});

describe('parseWmicEncryptableVolume edge cases', () => {
  it('maps in-progress codes and unknown protection', () => {
    const text = '\r\r\nConversionStatus=2\r\r\nDriveLetter=d:\r\r\nEncryptionMethod=6\r\r\nProtectionStatus=2\r\r\n';
    expect(okValue(parseWith(parseWmicEncryptableVolume, text))).toEqual([{ mount: 'D:', protection: 'unknown', conversion: 'encrypting', method: 'XTS-AES 128', keyProtectors: [] }]);
  });

  it.each(['', 'No Instance(s) Available.', 'Node - X\nERROR:\nDescription = Access denied'])('unknown for %j', (text) => {
    expect(parseWmicEncryptableVolume(text).status).toBe('unknown');
  });
});
