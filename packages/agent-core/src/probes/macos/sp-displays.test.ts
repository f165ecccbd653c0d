import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpDisplays } from './sp-displays.js';

const files = [...listFixtures('macos', 'system_profiler-SPDisplaysDataType.'), ...listFixtures('macos', 'system_profiler-all-datatypes.')];
const parse = (name: string) => okValue(parseWith(parseSpDisplays, readFixture('macos', name)));

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', 'system_profiler-{SPDisplaysDataType,all-datatypes}.'), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)('%s: GPUs with a name and exactly one main display', (name) => {
    const gpus = parse(name);
    expect(gpus.every((g) => g.name !== '')).toBe(true);
    expect(gpus.flatMap((g) => g.displays).filter((d) => d.main)).toHaveLength(1);
  });

  it('dual GPU: Intel 1536 MB dynamic, Radeon drives the Retina panel', () => {
    const gpus = parse('system_profiler-SPDisplaysDataType.text.dual-gpu.1.txt');
    expect(gpus.map((g) => [g.name, g.vendor, g.vramBytes])).toEqual([
      ['Intel HD Graphics 530', 'Intel', 1536 * 1024 ** 2],
      ['AMD Radeon Pro 450', 'AMD', 2048 * 1024 ** 2],
    ]);
    expect(gpus[1]?.displays).toEqual([{ name: 'Color LCD', resolution: '2880 x 1800 Retina', builtIn: true, main: true, serial: undefined }]);
  });

  it('Mojave: VRAM (Total) 2 GB, display on the Intel GPU', () => {
    const gpus = parse('system_profiler-SPDisplaysDataType.text.mojave-dual-gpu.2.txt');
    expect(gpus[1]?.vramBytes).toBe(2 * 1024 ** 3);
    expect(gpus[0]?.displays.map((d) => d.name)).toEqual(['Color LCD']);
  });

  it('GeForce GT 730 with an external Dell monitor and its serial', () => {
    const [gpu] = parse('system_profiler-SPDisplaysDataType.text.geforce-gt730.3.txt');
    expect(gpu).toMatchObject({ name: 'Asus GeForce GT 730', vendor: 'NVIDIA', bus: 'PCIe', vramBytes: 1024 ** 3 });
    expect(gpu?.displays).toEqual([{ name: 'DELL SE2416H', resolution: '1920 x 1080 @ 60 Hz', builtIn: false, main: true, serial: 'P7HT871G1H9L' }]);
  });

  it('Apple M1 in a full run: internal display by connection type', () => {
    const [gpu] = parse('system_profiler-all-datatypes.text.macos11.2.3-m1-macbookair.1.txt');
    expect(gpu).toMatchObject({ name: 'Apple M1', vendor: 'Apple', vramBytes: undefined });
    expect(gpu?.displays[0]).toMatchObject({ builtIn: true, resolution: '2560 x 1600 Retina' });
  });
});

describe('parseSpDisplays edge cases', () => {
  it.each(['', 'Graphics/Displays:\n', 'nothing here'])('unknown for %j', (text) => {
    expect(parseSpDisplays(text).status).toBe('unknown');
  });
});
