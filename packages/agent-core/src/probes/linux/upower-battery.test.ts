import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseUpowerBattery } from './upower-battery.js';

const PREFIX = 'upower-i-battery.';
const files = listFixtures('linux', PREFIX);
const parse = (name: string) => okValue(parseWith(parseUpowerBattery, readFixture('linux', name)));

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s: energies and health in range', (name) => {
    const battery = parse(name);
    expect(battery.energyFullWh).toBeGreaterThan(10);
    expect(battery.energyFullDesignWh).toBeGreaterThanOrEqual(battery.energyFullWh ?? 0);
    expect(battery.healthPercent).toBeGreaterThan(0);
    expect(battery.healthPercent).toBeLessThanOrEqual(100);
  });

  it('French locale: decimal commas, charge-cycles N/A', () => {
    expect(parse('upower-i-battery.dell-fr-locale.1.txt')).toEqual({
      vendor: 'SMP-COS3.66',
      model: 'DELL XDY9K16',
      serial: '3829',
      state: 'discharging',
      energyWh: 24.645,
      energyFullWh: 54,
      energyFullDesignWh: 54,
      healthPercent: 88.2222,
      percentage: 51,
      cycleCount: undefined,
      technology: 'lithium-polymer',
    });
  });

  it('UTC date, fully charged at 68.48 % health', () => {
    expect(parse('upower-i-battery.dell-utc.2.txt')).toMatchObject({ vendor: 'Samsung SDI', state: 'fully-charged', energyFullWh: 33.4443, energyFullDesignWh: 48.84, healthPercent: 68.4773 });
  });

  it('C locale, charging, History sections ignored', () => {
    expect(parse('upower-i-battery.charging-c-locale.3.txt')).toMatchObject({ state: 'charging', energyWh: 22.3998, energyFullWh: 52.6473, percentage: 42.5469 });
  });
});

describe('parseUpowerBattery edge cases', () => {
  it('computes health when capacity is missing and keeps a real cycle count', () => {
    const battery = okValue(parseUpowerBattery('  battery\n    state:               discharging\n    energy-full:         40 Wh\n    energy-full-design:  50 Wh\n    charge-cycles:       312\n'));
    expect(battery).toMatchObject({ healthPercent: 80, cycleCount: 312 });
  });

  it.each(['', 'failed to get device', '  native-path:          AC\n  power supply:         yes\n'])('unknown for %j', (text) => {
    expect(parseUpowerBattery(text).status).toBe('unknown');
  });
});
