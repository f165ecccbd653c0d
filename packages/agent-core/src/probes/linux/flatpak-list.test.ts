import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseFlatpakList } from './flatpak-list.js';

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', 'flatpak-list'), () => {
  const files = listFixtures('linux', 'flatpak-list');
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it('system and user installations, names with spaces', () => {
    const refs = okValue(parseWith(parseFlatpakList, readFixture('linux', 'flatpak-list-a-columns.1.txt')));
    expect(refs).toHaveLength(12);
    expect(refs[0]).toEqual({ application: 'com.vscodium.codium', branch: 'stable', installation: 'system', name: 'VSCodium' });
    expect(refs.filter((r) => r.installation === 'user').map((r) => r.application)).toContain('com.obsproject.Studio');
    expect(refs.find((r) => r.application === 'org.gnome.Platform' && r.branch === '3.38')?.name).toBe('GNOME Application Platform version 3.38');
  });
});

describe('parseFlatpakList edge cases', () => {
  it('nothing installed is an empty list, not unknown', () => expect(okValue(parseFlatpakList(''))).toEqual([]));

  it('skips a header line and lines without a branch', () => {
    expect(okValue(parseFlatpakList('Application ID\tBranch\tInstallation\tName\norg.x.Y\tstable\tuser\tY\nbroken')).map((r) => r.application)).toEqual(['org.x.Y']);
  });
});
