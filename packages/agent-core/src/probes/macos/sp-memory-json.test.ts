import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpMemoryJson } from './sp-memory-json.js';

const PREFIX = 'system_profiler-SPMemoryDataType.json';
const files = listFixtures('macos', PREFIX);

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s parses', (name) => {
    expect(okValue(parseWith(parseSpMemoryJson, readFixture('macos', name))).length).toBeGreaterThan(0);
  });

  it('M1 (no trailing newline): one 8 GB lp_ddr4 block', () => {
    expect(okValue(parseWith(parseSpMemoryJson, readFixture('macos', 'system_profiler-SPMemoryDataType.json.m1.1.json')))).toEqual([
      { slot: undefined, sizeBytes: 8 * 1024 ** 3, type: 'lp_ddr4', speed: undefined, manufacturer: undefined, serial: undefined },
    ]);
  });
});

describe('parseSpMemoryJson edge cases', () => {
  it('Intel layout: banks under _items, empty slots skipped', () => {
    const json = JSON.stringify({
      SPMemoryDataType: [
        {
          _name: 'Memory Slots',
          _items: [
            { _name: 'BANK 0/DIMM0', dimm_size: '8 GB', dimm_type: 'DDR4', dimm_speed: '2400 MHz', dimm_manufacturer: '0x802C', dimm_serial_number: '0x1234' },
            { _name: 'BANK 1/DIMM0', dimm_size: 'empty' },
          ],
        },
      ],
    });
    expect(okValue(parseSpMemoryJson(json))).toEqual([{ slot: 'BANK 0/DIMM0', sizeBytes: 8 * 1024 ** 3, type: 'DDR4', speed: '2400 MHz', manufacturer: '0x802C', serial: '0x1234' }]);
  });

  it.each(['', '{"SPMemoryDataType" : [ {', '{"other": []}', '[]'])('unknown for %j', (text) => {
    expect(parseSpMemoryJson(text).status).toBe('unknown');
  });
});
