import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { isUsableIdentifier } from '../identity/junk-identifiers.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseDmidecode, parseDmidecodeMemory } from './dmidecode.js';

const FULL = 'dmidecode-full.';
const T17 = 'dmidecode-t17-memory.';
const fullFiles = listFixtures('linux', FULL);
const memoryFiles = listFixtures('linux', T17);
const full = (name: string) => okValue(parseWith(parseDmidecode, readFixture('linux', name)));
const memory = (name: string) => okValue(parseWith(parseDmidecodeMemory, readFixture('linux', name)));
const GIB = 1024 ** 3;

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', FULL), () => {
  it('finds the recordings', () => expect(fullFiles.length).toBeGreaterThanOrEqual(2));

  it.each(fullFiles)('%s: usable serial and UUID, installed modules only', (name) => {
    const dmi = full(name);
    expect(isUsableIdentifier('serial', dmi.system.serial)).toBe(true);
    expect(isUsableIdentifier('uuid', dmi.system.uuid)).toBe(true);
    expect(dmi.memory.length).toBeGreaterThan(0);
    expect(dmi.memory.every((m) => m.sizeBytes > 0)).toBe(true);
  });

  it('Lenovo ThinkPad (dmidecode 2.12): MB sizes, <BAD INDEX> family dropped', () => {
    const dmi = full('dmidecode-full.lenovo-thinkpad.1.txt');
    expect(dmi.system).toEqual({ manufacturer: 'LENOVO', product: '1298A8G', version: 'ThinkPad Edge E320', serial: 'LR9NKZ7', uuid: '725BA801-507B-11CB-95E6-C66052AAC597', sku: 'ThinkPad Edge E320', family: undefined });
    expect(dmi.bios).toEqual({ vendor: 'LENOVO', version: '8NET32WW (1.16 )', date: '12/01/2011' });
    expect(dmi.chassis.type).toBe('Notebook');
    expect(dmi.baseboard.serial).toBe('1ZJJC21G0N6');
    expect(dmi.memory.map((m) => [m.slot, m.sizeBytes, m.type, m.speed, m.manufacturer, m.serial])).toEqual([
      ['ChannelA-DIMM0', 4 * GIB, 'DDR3', 1333, 'Samsung', 'B52A5D9F'],
      ['ChannelB-DIMM0', 4 * GIB, 'DDR3', 1333, 'Samsung', '947C2F3B'],
    ]);
  });

  it('Dell PowerEdge R640 (SMBIOS 3.2 warning): service tag, 8 of 24 slots filled, JEDEC Samsung', () => {
    const dmi = full('dmidecode-full.dell-poweredge-r640.2.txt');
    expect(dmi.system).toMatchObject({ manufacturer: 'Dell Inc.', product: 'PowerEdge R640', serial: '2RJF153', uuid: '4C4C4544-0052-4A10-8046-B2C04F313533' });
    expect(dmi.chassis.type).toBe('Rack Mount Chassis');
    expect(dmi.memory).toHaveLength(8);
    expect(dmi.memory.every((m) => m.sizeBytes === 32 * GIB && m.manufacturer === 'Samsung' && m.speed === 2933)).toBe(true);
  });
});

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', T17), () => {
  it('finds the recordings', () => expect(memoryFiles.length).toBeGreaterThanOrEqual(2));

  it.each(memoryFiles)('%s: 8 GB DDR4 modules', (name) => {
    const modules = memory(name);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.every((m) => m.sizeBytes === 8 * GIB && m.type === 'DDR4')).toBe(true);
  });

  it('space-indented laptop: JEDEC hex manufacturers decoded, configured speed differs', () => {
    expect(memory('dmidecode-t17-memory.laptop-ddr4.1.txt').map((m) => [m.slot, m.manufacturer, m.speed, m.configuredSpeed, m.partNumber])).toEqual([
      ['DIMM A', 'SK Hynix', 3200, 2667, 'HMAA1GS6CJR6N-XN'],
      ['DIMM B', 'Kingmax', 3200, 2667, 'GSOG42F-18----------'],
    ]);
  });

  it('tab-indented Positivo without banner: the empty slot is skipped, unknown JEDEC id kept raw', () => {
    expect(memory('dmidecode-t17-memory.positivo.2.txt')).toEqual([
      { slot: 'ChannelB-DIMM0', bank: 'BANK 2', sizeBytes: 8 * GIB, type: 'DDR4', formFactor: 'SODIMM', speed: 2667, configuredSpeed: 2667, manufacturer: '0416', serial: '0000065D', partNumber: 'P48808GSHCRN-VK' },
    ]);
  });
});

describe('dmidecode edge cases', () => {
  it.each(['', '# dmidecode 3.3\n/sys/firmware/dmi/tables/smbios_entry_point: Permission denied\nScanning /dev/mem for entry point.\n', 'garbage'])('unknown for %j', (text) => {
    expect(parseDmidecode(text).status).toBe('unknown');
    expect(parseDmidecodeMemory(text).status).toBe('unknown');
  });

  it('output cut inside a memory device keeps the complete modules', () => {
    const text = 'Handle 0x1, DMI type 17, 40 bytes\nMemory Device\n\tSize: 16 GB\n\tLocator: A\n\nHandle 0x2, DMI type 17, 40 bytes\nMemory Device\n\tSize: 16';
    expect(okValue(parseDmidecodeMemory(text)).map((m) => [m.slot, m.sizeBytes])).toEqual([
      ['A', 16 * GIB],
      [undefined, 16],
    ]);
  });
});
