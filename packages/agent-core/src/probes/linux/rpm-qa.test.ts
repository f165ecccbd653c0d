import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseRpmQa } from './rpm-qa.js';

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', 'rpm-qa-queryformat-tabbed.'), () => {
  const files = listFixtures('linux', 'rpm-qa-queryformat-tabbed.');
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: every line is a package with a version and install time', (name) => {
    const packages = okValue(parseWith(parseRpmQa, readFixture('linux', name)));
    expect(packages.every((p) => p.version.includes('-') && p.installedAt !== undefined)).toBe(true);
  });

  it('Mageia 2: 10 packages, Unspecified group dropped, tainted release kept', () => {
    const packages = okValue(parseWith(parseRpmQa, readFixture('linux', 'rpm-qa-queryformat-tabbed.mageia2.1.txt')));
    expect(packages).toHaveLength(10);
    expect(packages[0]).toEqual({ name: 'libpciaccess0', arch: 'i586', version: '0.12.1-1.mga1', installedAt: '2011-07-19T13:05:03.000Z', sizeBytes: 38452, vendor: 'Mageia.Org', summary: 'Generic PCI access library (from X.org)', group: 'System Environment/Libraries' });
    expect(packages.find((p) => p.name === 'gjs')?.group).toBeUndefined();
    expect(packages.find((p) => p.name === 'lib64swresample0')?.version).toBe('0.10.2-2.mga2.tainted');
  });
});

describe('parseRpmQa edge cases', () => {
  it('lines with too few fields (a truncated last line) are skipped', () => {
    expect(okValue(parseRpmQa('a\tx86_64\t1-1\t0\t1\t(none)\ts\tg\nb\tx8')).map((p) => [p.name, p.vendor, p.installedAt])).toEqual([['a', undefined, undefined]]);
  });

  it.each(['', 'error: rpmdb open failed'])('unknown for %j', (text) => expect(parseRpmQa(text).status).toBe('unknown'));
});
