import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseWmicQuickFixEngineering } from './wmic-quick-fix-engineering.js';

const PREFIX = 'wmic-win32-quickfixengineering.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseWmicQuickFixEngineering, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: unique, non-empty ids', (name) => {
    const ids = parse(name).map((h) => h.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('XP: "File 1" entries take the KB from ServicePackInEffect; dates are month-first', () => {
    const hotfixes = parse('wmic-win32-quickfixengineering.winxp.1.txt');
    expect(hotfixes).toHaveLength(16);
    expect(hotfixes.slice(0, 5).map((h) => h.id)).toEqual(['KB2079403', 'KB2115168', 'KB2121546', 'KB2141007', 'KB2229593']);
    expect(hotfixes.map((h) => h.id)).not.toContain('File 1');
    expect(hotfixes.map((h) => h.id)).toContain('XpsEPSC');
    expect(hotfixes.find((h) => h.id === 'KB980195')).toMatchObject({ installedBy: 'SYSTEM', installedOn: { text: '1/15/2011', iso: '2011-01-15' } });
  });
});

describe('parseWmicQuickFixEngineering edge cases', () => {
  it('keeps an ambiguous date as text', () => {
    const [fix] = okValue(parseWmicQuickFixEngineering('HotFixID=KB1\nInstalledOn=3/4/2020\n'));
    expect(fix?.installedOn).toEqual({ text: '3/4/2020', iso: null, note: expect.stringContaining('ambiguous') });
  });

  it.each(['', 'No Instance(s) Available.', 'Caption=x'])('unknown for %j', (text) => {
    expect(parseWmicQuickFixEngineering(text).status).toBe('unknown');
  });
});
