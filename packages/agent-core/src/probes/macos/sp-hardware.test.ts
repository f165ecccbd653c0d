import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpHardware } from './sp-hardware.js';

const files = [...listFixtures('macos', 'system_profiler-SPHardwareDataType.'), ...listFixtures('macos', 'system_profiler-all-datatypes.')];
const parse = (name: string) => okValue(parseWith(parseSpHardware, readFixture('macos', name)));

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', 'system_profiler-{SPHardwareDataType,all-datatypes}.'), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s: model, serial, UUID, memory', (name) => {
    const hw = parse(name);
    expect(hw.modelIdentifier).toMatch(/^Mac/);
    expect(hw.serial).toMatch(/^[A-Z0-9]{10,12}$/);
    expect(hw.uuid).toMatch(/^[0-9A-F-]{36}$/);
    expect(hw.memoryBytes).toBeGreaterThan(0);
  });

  it('M1 Pro MacBook Pro', () => {
    expect(parse('system_profiler-SPHardwareDataType.text.m1pro-macbookpro18,3.2.txt')).toEqual({
      modelName: 'MacBook Pro',
      modelIdentifier: 'MacBookPro18,3',
      modelNumber: 'MKGQ3LL/A',
      chip: 'Apple M1 Pro',
      processor: undefined,
      cores: 10,
      memoryBytes: 16 * 1024 ** 3,
      serial: 'GGJXG26P75',
      uuid: '30BD6509-4710-567C-826E-3AF2D66DBF35',
      provisioningUdid: '00006000-001A595E0121801E',
    });
  });

  it('hardware part of a full system_profiler run (M1 MacBook Air)', () => {
    expect(parse('system_profiler-all-datatypes.text.macos11.2.3-m1-macbookair.1.txt')).toMatchObject({ modelName: 'MacBook Air', chip: 'Apple M1', cores: 8, serial: 'E9O1Q6W5FAKE' });
  });
});

describe('parseSpHardware edge cases', () => {
  it('reads Intel processor fields', () => {
    const text = 'Hardware:\n\n    Hardware Overview:\n\n      Processor Name: Quad-Core Intel Core i7\n      Processor Speed: 2,8 GHz\n      Memory: 16 GB\n';
    expect(okValue(parseSpHardware(text))).toMatchObject({ processor: 'Quad-Core Intel Core i7 2,8 GHz', memoryBytes: 16 * 1024 ** 3 });
  });

  it.each(['', 'Hardware:\n', 'nonsense'])('unknown for %j', (text) => {
    expect(parseSpHardware(text).status).toBe('unknown');
  });
});
