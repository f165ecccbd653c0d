import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSmartctlInfo } from './smartctl-info.js';

const PREFIX = 'smartctl-i.';
const files = listFixtures('linux', PREFIX);

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: model, serial, capacity', (name) => {
    const info = okValue(parseWith(parseSmartctlInfo, readFixture('linux', name)));
    expect(info.model).toBeDefined();
    expect(info.serial).toBeDefined();
    expect(info.capacityBytes).toBeGreaterThan(0);
  });

  it('Micron SSD', () => {
    expect(okValue(parseWith(parseSmartctlInfo, readFixture('linux', 'smartctl-i.micron-ssd.1.txt')))).toEqual({
      model: 'MTFDDAK480TDC',
      family: 'Micron 5100 Pro / 5200 SSDs',
      serial: '202028413FA9',
      firmware: 'D1DF003',
      capacityBytes: 480_103_981_056,
      rotationRateRpm: null,
      ssd: true,
      smartSupported: true,
      smartEnabled: true,
    });
  });
});

describe('parseSmartctlInfo edge cases', () => {
  it('spinning disk with a 7200 rpm rotation rate and SMART unavailable', () => {
    const text = '=== START OF INFORMATION SECTION ===\nDevice Model:     WDC WD10EZEX\nUser Capacity:    1.000.204.886.016 bytes [1,00 TB]\nRotation Rate:    7200 rpm\nSMART support is: Unavailable - device lacks SMART capability.\n';
    expect(okValue(parseSmartctlInfo(text))).toMatchObject({ capacityBytes: 1_000_204_886_016, rotationRateRpm: 7200, ssd: false, smartSupported: false });
  });

  it.each(['', 'smartctl 7.0\nSmartctl open device: /dev/sdx failed: No such device', 'junk'])('unknown for %j', (text) => {
    expect(parseSmartctlInfo(text).status).toBe('unknown');
  });
});
