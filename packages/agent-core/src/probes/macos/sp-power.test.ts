import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpPower } from './sp-power.js';

const files = [...listFixtures('macos', 'system_profiler-SPPowerDataType.'), ...listFixtures('macos', 'system_profiler-all-datatypes.')];
const parse = (name: string) => okValue(parseWith(parseSpPower, readFixture('macos', name)));

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', 'system_profiler-{SPPowerDataType,all-datatypes}.'), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)('%s: cycle count and condition', (name) => {
    const battery = parse(name);
    expect(battery.cycleCount).toBeGreaterThan(0);
    expect(battery.condition).toBe('Normal');
  });

  it('OS X 10.11: 552 cycles, mAh capacities, discharging', () => {
    expect(parse('system_profiler-SPPowerDataType.text.osx10.11.1.txt')).toMatchObject({ cycleCount: 552, fullChargeCapacityMah: 6078, chargeRemainingMah: 4552, charging: false, acConnected: false, serial: 'C01437408B3F90MA2' });
  });

  it('charged vs charging: the battery flag is the same, the charger flag differs', () => {
    expect(parse('system_profiler-SPPowerDataType.text.charged.2.txt')).toMatchObject({ cycleCount: 125, fullChargeCapacityMah: 4069, charging: true, acConnected: true, acCharging: false });
    expect(parse('system_profiler-SPPowerDataType.text.charging.3.txt')).toMatchObject({ cycleCount: 125, charging: true, acCharging: true });
  });

  it('Apple silicon: Maximum Capacity 100 %, no mAh', () => {
    const battery = parse('system_profiler-all-datatypes.text.macos11.2.3-m1-macbookair.1.txt');
    expect(battery).toMatchObject({ cycleCount: 1, maxCapacityPercent: 100, fullyCharged: true, charging: false });
    expect(battery.fullChargeCapacityMah).toBeUndefined();
  });
});

describe('parseSpPower edge cases', () => {
  it.each(['', 'Power:\n\n    System Power Settings:\n\n      AC Power:\n          Wake on LAN: Yes\n', '\u0000'])('unknown for %j', (text) => {
    expect(parseSpPower(text).status).toBe('unknown');
  });
});
