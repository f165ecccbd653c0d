import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseSnapList } from './snap-list.js';

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', 'snap-list.'), () => {
  const files = listFixtures('linux', 'snap-list.');
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it('verified-star publishers and notes', () => {
    const snaps = okValue(parseWith(parseSnapList, readFixture('linux', 'snap-list.1.txt')));
    expect(snaps.map((s) => [s.name, s.version, s.revision, s.publisher, s.publisherVerified, s.notes])).toEqual([
      ['core18', '20191030', '1265', 'canonical', true, ['base']],
      ['kde-frameworks-5-core18', '5.61.0', '32', 'kde', true, []],
      ['kdenlive', '19.08.2', '22', 'kde', true, []],
      ['scrcpy', 'v1.10', '174', 'sisco311', false, []],
      ['snapd', '2.42', '4992', 'canonical', true, ['snapd']],
    ]);
  });
});

describe('parseSnapList edge cases', () => {
  it('nothing installed is an empty list, not unknown', () => expect(okValue(parseSnapList(''))).toEqual([]));
  it('an error message is unknown', () => expect(parseSnapList('error: cannot communicate with server').status).toBe('unknown'));
});
