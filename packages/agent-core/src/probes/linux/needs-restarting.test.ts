import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { needsRestartingProbe, parseNeedsRestarting } from './needs-restarting.js';

const PREFIX = 'needs-restarting-r.';
const files = listFixtures('linux', PREFIX);

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: matches the file name', (name) => {
    const result = okValue(parseWith(parseNeedsRestarting, readFixture('linux', name)));
    expect(result.rebootRequired).toBe(name.includes('reboot-required'));
  });

  it('AlmaLinux 8: glibc and linux-firmware updated', () => {
    expect(okValue(parseWith(parseNeedsRestarting, readFixture('linux', 'needs-restarting-r.reboot-required.almalinux8.1.txt')))).toEqual({ rebootRequired: true, packages: ['glibc', 'linux-firmware'] });
  });
});

describe('parseNeedsRestarting edge cases', () => {
  it('no reboot needed', () => {
    const text = 'No core libraries or services have been updated since boot-up.\nReboot should not be necessary.\n';
    expect(okValue(parseNeedsRestarting(text))).toEqual({ rebootRequired: false, packages: [] });
  });

  it('exit code 1 is accepted by the probe command', () => {
    expect(needsRestartingProbe.commands[0].acceptExitCode?.(1)).toBe(true);
    expect(needsRestartingProbe.commands[0].acceptExitCode?.(2)).toBe(false);
  });

  it.each(['', 'Core libraries or services have been updated since boot-up:\n  * glibc\n', 'bash: needs-restarting: command not found'])('unknown for %j', (text) => {
    expect(parseNeedsRestarting(text).status).toBe('unknown');
  });
});
