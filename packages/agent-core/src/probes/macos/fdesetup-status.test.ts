import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseFdesetupStatus } from './fdesetup-status.js';

const PREFIX = 'fdesetup-status.';
const files = listFixtures('macos', PREFIX);

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: state matches the file name', (name) => {
    const expected = /filevault-(on|off)/.exec(name)?.[1];
    expect(okValue(parseWith(parseFdesetupStatus, readFixture('macos', name))).state).toBe(expected);
  });
});

describe('parseFdesetupStatus (hand-written, no recordings of these exist)', () => {
  it.each([
    ['FileVault is Off.\n', { state: 'off' }],
    ['FileVault is On.\nFileVault master keychain appears to be installed.\n', { state: 'on' }],
    ['Encryption in progress: Percent completed = 42\n', { state: 'encrypting', percentCompleted: 42 }],
    ['FileVault is On.\nDecryption in progress: Percent completed = 7.5\n', { state: 'decrypting', percentCompleted: 7.5 }],
  ])('%j', (text, expected) => {
    expect(okValue(parseFdesetupStatus(text))).toEqual(expected);
  });

  it.each(['', 'This tool needs to be run as root.', 'FileVault is'])('unknown for %j', (text) => {
    expect(parseFdesetupStatus(text).status).toBe('unknown');
  });
});
