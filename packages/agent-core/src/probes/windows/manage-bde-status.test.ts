import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseManageBdeStatus } from './manage-bde-status.js';

const PREFIX = 'manage-bde-status';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseManageBdeStatus, readFixture('windows', name)));
const GIB = 1024 ** 3;

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(5));

  it.each(files)('%s: one volume with a known conversion status and a size', (name) => {
    const [volume, ...rest] = parse(name);
    expect(rest).toHaveLength(0);
    expect(volume?.conversion).not.toBe('unknown');
    expect(volume?.protection).not.toBe('unknown');
    expect(volume?.sizeBytes).toBeGreaterThan(GIB);
  });

  it('English UI with decimal commas: 69,13 GB, used space only, two protectors', () => {
    const [volume] = parse('manage-bde-status-C.win11-22621-en-decimal-comma.1.txt');
    expect(volume).toMatchObject({ mount: 'C:', protection: 'on', conversion: 'used-space-only-encrypted', percentEncrypted: 100, method: 'AES 256', keyProtectors: ['Numerical Password', 'Password'], locked: false });
    expect(volume?.sizeBytes).toBe(Math.round(69.13 * GIB));
  });

  it('German UI, encryption in progress at 3,5 %', () => {
    const [volume] = parse('manage-bde-status.win10-19041-de.encrypting-3pct.3.txt');
    expect(volume).toMatchObject({ mount: 'C:', conversion: 'encrypting', percentEncrypted: 3.5, protection: 'off', method: 'XTS-AES 128', keyProtectors: ['TPM'] });
    expect(volume?.sizeBytes).toBe(Math.round(49.36 * GIB));
  });

  it('German UI, 100,0 % but still "wird durchgeführt", protection on', () => {
    expect(parse('manage-bde-status.win10-19041-de.encrypting-100pct.4.txt')[0]).toMatchObject({ conversion: 'encrypting', percentEncrypted: 100, protection: 'on' });
  });

  it('German UI, fully decrypted with 2-space indentation: no method, "Keine gefunden" protectors', () => {
    const [volume] = parse('manage-bde-status.win10-19041-de.decrypted.2.txt');
    expect(volume).toMatchObject({ conversion: 'fully-decrypted', percentEncrypted: 0, protection: 'off', keyProtectors: [] });
    expect(volume?.method).toBeUndefined();
  });

  it('volume block only: no mount, "None Found" protectors', () => {
    const [volume] = parse('manage-bde-status.volume-block-only.win11-auto-encryption.excerpt.5.txt');
    expect(volume).toMatchObject({ mount: null, conversion: 'used-space-only-encrypted', protection: 'off', method: 'XTS-AES 128', keyProtectors: [] });
  });
});

describe('parseManageBdeStatus edge cases', () => {
  it('reads several volumes and key protectors listed with ids', () => {
    const text = [
      'Volume C: [OS]',
      '    Size:                 100.00 GB',
      '    Conversion Status:    Fully Encrypted',
      '    Percentage Encrypted: 100.0%',
      '    Protection Status:    Protection On',
      '    Key Protectors:',
      '        TPM',
      '        Numerical Password:',
      '          ID: {1234}',
      '',
      'Volume D: [Data]',
      '    Conversion Status:    Decryption in Progress',
      '    Percentage Encrypted: 42.5%',
      '    Protection Status:    Protection Off',
    ].join('\r\n');
    const volumes = okValue(parseWith(parseManageBdeStatus, text));
    expect(volumes.map((v) => [v.mount, v.conversion, v.percentEncrypted])).toEqual([
      ['C:', 'fully-encrypted', 100],
      ['D:', 'decrypting', 42.5],
    ]);
    expect(volumes[0]?.keyProtectors).toEqual(['TPM', 'Numerical Password']);
    expect(volumes[0]?.sizeBytes).toBe(100 * GIB);
  });

  it.each([
    ['empty', ''],
    ['access denied', 'ERROR: An attempt to access a required resource was denied.\r\nCheck that you have administrative rights on the computer.'],
    ['truncated before any status', 'BitLocker Drive Encryption: Configuration Tool version 10.0.22621\nVolume C: [Windows]\n    Size: 1'],
    ['French UI', 'Volume C: [Windows]\n    Taille : 1 Go\n    État de la conversion : Chiffrement intégral'],
  ])('%s is unknown', (_label, text) => {
    expect(parseManageBdeStatus(text).status).toBe('unknown');
  });
});
