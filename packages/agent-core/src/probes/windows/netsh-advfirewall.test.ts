import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseNetshAdvfirewall } from './netsh-advfirewall.js';

const PREFIX = 'netsh-advfirewall-show-allprofiles.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseNetshAdvfirewall, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s parses one profile with a state', (name) => {
    expect(parse(name)).toHaveLength(1);
  });

  it('public profile: Firewall Policy after RemoteManagement is still read', () => {
    expect(parse('netsh-advfirewall-show-allprofiles.public-profile.excerpt.1.txt')).toEqual([{ profile: 'public', enabled: true, policy: 'BlockInbound,AllowOutbound' }]);
  });

  it('private profile', () => {
    expect(parse('netsh-advfirewall-show-allprofiles.private-profile.excerpt.2.txt')).toEqual([{ profile: 'private', enabled: true, policy: 'BlockInbound,AllowOutbound' }]);
  });
});

describe('parseNetshAdvfirewall edge cases', () => {
  it('reads three profiles with CRLF and OFF', () => {
    const text = 'Domain Profile Settings:\r\n---\r\nState                                 OFF\r\n\r\nPrivate Profile Settings:\r\nState  ON\r\n\r\nPublic Profile Settings:\r\nState  ON\r\nOk.\r\n';
    expect(okValue(parseWith(parseNetshAdvfirewall, text)).map((p) => [p.profile, p.enabled])).toEqual([
      ['domain', false],
      ['private', true],
      ['public', true],
    ]);
  });

  it('a truncated block without its State line is left out', () => {
    expect(okValue(parseNetshAdvfirewall('Domain Profile Settings:\nState ON\nPublic Profile Settings:\n---')).map((p) => p.profile)).toEqual(['domain']);
  });

  it.each(['', 'The requested operation requires elevation (Run as administrator).', 'Domänenprofil-Einstellungen:\nStatus EIN'])('unknown for %j', (text) => {
    expect(parseNetshAdvfirewall(text).status).toBe('unknown');
  });
});
