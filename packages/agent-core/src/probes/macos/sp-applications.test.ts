import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpApplications } from './sp-applications.js';

const PREFIX = 'system_profiler-SPApplicationsDataType.';
const files = listFixtures('macos', PREFIX);
const parse = (name: string) => okValue(parseWith(parseSpApplications, readFixture('macos', name)));

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s: app count matches the excerpt, every date resolved', (name) => {
    const apps = parse(name);
    const expected = /excerpt-(\d+)/.exec(name)?.[1];
    if (expected !== undefined) expect(apps).toHaveLength(Number(expected));
    for (const app of apps) {
      expect(app.name).not.toBe('');
      expect(app.path).toMatch(/^\//);
      if (app.lastModified) expect(app.lastModified.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    }
  });

  it('macOS 14 era: day-first dates, Obtained from, signer, multi-line Get Info String does not break the next app', () => {
    const apps = parse('system_profiler-SPApplicationsDataType.text.macos14-era-fr-dates.excerpt-200.1.txt');
    expect(apps[0]).toEqual({
      name: 'XProtect',
      version: '131',
      lastModified: { text: '24/04/2024 09:37', iso: '2024-04-24T09:37' },
      obtainedFrom: 'Apple',
      signedBy: 'Software Signing',
      path: '/Library/Apple/System/Library/CoreServices/XProtect.app',
      kind: 'Universal',
      is64Bit: undefined,
    });
    // 01/02/2021 alone is ambiguous; the rest of the run says day-first.
    expect(apps.find((a) => a.name === 'NativeMessagingHost')?.lastModified?.iso).toBe('2021-02-01T04:03');
    expect(apps.find((a) => a.name === 'Cyberduck')).toMatchObject({ version: '8.7.1', obtainedFrom: 'Identified Developer' });
    expect(apps.find((a) => a.name === 'com.apple.ctcategories')).toMatchObject({ obtainedFrom: 'Unknown', kind: 'Other', version: undefined });
  });

  it('OS X 10.8 era: month-first 2-digit-year dates with AM/PM, 64-bit flag, U+2019 in names', () => {
    const apps = parse('system_profiler-SPApplicationsDataType.text.osx10.8-era.excerpt-120.2.txt');
    expect(apps[0]).toMatchObject({ name: 'Programme d’installation', version: '4.0', is64Bit: true, lastModified: { text: '6/27/09 8:18 AM', iso: '2009-06-27T08:18' } });
    expect(apps.find((a) => a.name === 'Terminal')?.lastModified?.iso).toBe('2009-07-06T08:18');
    expect(apps.find((a) => a.name === 'Skype')?.is64Bit).toBe(false);
    expect(apps.find((a) => a.name === 'Préférences Système')?.path).toBe('/Applications/System Preferences.app');
  });
});

describe('parseSpApplications edge cases', () => {
  it('keeps dates as text when no date in the run tells day from month', () => {
    const text = 'Applications:\n\n    A:\n\n      Version: 1\n      Last Modified: 01/02/2021 04:03\n      Location: /Applications/A.app\n';
    expect(okValue(parseSpApplications(text))[0]?.lastModified).toEqual({ text: '01/02/2021 04:03', iso: null, note: expect.stringContaining('ambiguous') });
  });

  it('a run cut in the middle of an app keeps what was printed', () => {
    const apps = okValue(parseSpApplications('Applications:\n\n    A:\n\n      Version: 1\n\n    B:\n\n      Vers'));
    expect(apps.map((a) => a.name)).toEqual(['A', 'B']);
  });

  it.each(['', 'garbage\nmore garbage', 'Hardware:\n\n    Hardware Overview:\n'])('unknown for %j', (text) => {
    expect(parseSpApplications(text).status).toBe('unknown');
  });
});
