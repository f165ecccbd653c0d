import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseWmicUserAccounts } from './wmic-user-account.js';

const PREFIX = 'wmic-win32-useraccount-';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseWmicUserAccounts, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s: local accounts with SIDs, the 500 account is the administrator', (name) => {
    const accounts = parse(name);
    expect(accounts.every((a) => a.localAccount && a.sid.startsWith('S-1-5-21-'))).toBe(true);
    expect(accounts.find((a) => a.builtinRid === 500)?.builtinRole).toBe('administrator');
  });

  it('win10 French: disabled built-ins, accented guest name, a normal user', () => {
    const accounts = parse('wmic-win32-useraccount-local.win10-fr.1.txt');
    expect(accounts.map((a) => [a.name, a.builtinRid, a.disabled])).toEqual([
      ['Administrateur', 500, true],
      ['DefaultAccount', 503, true],
      ['Invité', 501, true],
      ['teclib', undefined, false],
    ]);
  });

  it('win7 French domain-joined: enabled administrator, disabled guest', () => {
    const accounts = parse('wmic-win32-useraccount-local.win7-fr-domainjoined.2.txt');
    expect(accounts.map((a) => [a.name, a.domain, a.disabled, a.builtinRole])).toEqual([
      ['Administrateur', 'WIN110S777', false, 'administrator'],
      ['Invité', 'WIN110S777', true, 'guest'],
    ]);
  });
});

describe('parseWmicUserAccounts edge cases', () => {
  it('skips a record without a valid SID (truncated output)', () => {
    expect(okValue(parseWmicUserAccounts('Name=a\nSID=S-1-5-21-1-2-3-1001\n\nName=b\nDisab')).map((a) => a.name)).toEqual(['a']);
  });

  it.each(['', 'No Instance(s) Available.', 'Name=x\nSID=not-a-sid'])('unknown for %j', (text) => {
    expect(parseWmicUserAccounts(text).status).toBe('unknown');
  });
});
