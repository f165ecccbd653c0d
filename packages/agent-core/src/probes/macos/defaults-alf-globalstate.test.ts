import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseAlfGlobalstate } from './defaults-alf-globalstate.js';

const PREFIX = 'defaults-read-com.apple.alf-globalstate.';
const files = listFixtures('macos', PREFIX);

describe.skipIf(!fixturesAvailable('macos'))(fixtureSuiteName('macos', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it('the single byte "1" (no newline) means on', () => {
    expect(okValue(parseWith(parseAlfGlobalstate, readFixture('macos', 'defaults-read-com.apple.alf-globalstate.1.txt')))).toBe('on');
  });
});

describe('parseAlfGlobalstate', () => {
  it.each([
    ['0\n', 'off'],
    ['1', 'on'],
    ['2\r\n', 'block-all'],
  ] as const)('%j → %s', (text, state) => expect(okValue(parseWith(parseAlfGlobalstate, text))).toBe(state));

  it.each(['', '3', 'The domain/default pair of (com.apple.alf, globalstate) does not exist', '10'])('unknown for %j', (text) => {
    expect(parseAlfGlobalstate(text).status).toBe('unknown');
  });
});
