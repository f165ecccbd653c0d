import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { decodeProductState } from './product-state.js';
import { parseSecurityCenterAntivirus } from './security-center-antivirus.js';

const PREFIX = 'securitycenter2-antivirusproduct.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseSecurityCenterAntivirus, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(2));

  it.each(files)('%s names Windows Defender', (name) => {
    expect(parse(name).map((p) => p.name)).toEqual(['Windows Defender']);
  });

  it('Get-CimInstance: productState 397568 is enabled and up to date', () => {
    expect(parse('securitycenter2-antivirusproduct.get-ciminstance.win10-22h2.1.txt')).toEqual([
      { name: 'Windows Defender', productState: 397568, enabled: true, upToDate: true, scanner: 'on', reportingExe: '%ProgramFiles%\\Windows Defender\\MsMpeng.exe' },
    ]);
  });

  it('wmic displayName list: the name only, state unknown', () => {
    const [product] = parse('securitycenter2-antivirusproduct.wmic-list-displayname.win10-22h2.2.txt');
    expect(product?.enabled).toBeUndefined();
  });
});

describe('decodeProductState', () => {
  it.each([
    [397568, 'on', true, true, true], // 0x061100 Defender, current
    [393472, 'off', false, true, true], // 0x060100 Defender, turned off
    [397584, 'on', true, false, true], // 0x061110 Defender, signatures out of date
    [266240, 'on', true, true, false], // 0x041000 third-party AV, on
    [401408, 'snoozed', false, true, false], // 0x062000
    [405504, 'expired', false, true, false], // 0x063000
  ] as const)('%i → %s', (state, scanner, enabled, upToDate, microsoft) => {
    expect(decodeProductState(state)).toMatchObject({ scanner, enabled, upToDate, microsoftProduct: microsoft });
  });

  it.each([-1, 0x1000000, 1.5])('rejects %d', (state) => expect(decodeProductState(state)).toBeUndefined());
});

describe('parseSecurityCenterAntivirus edge cases', () => {
  it('reads two products, one with a non-numeric state', () => {
    const text = 'displayName : Windows Defender\r\nproductState : 393472\r\n\r\ndisplayName : Other AV\r\nproductState : n/a\r\n';
    const products = okValue(parseWith(parseSecurityCenterAntivirus, text));
    expect(products.map((p) => [p.name, p.enabled])).toEqual([
      ['Windows Defender', false],
      ['Other AV', undefined],
    ]);
  });

  it.each(['', 'Get-CimInstance : Invalid namespace', 'displayName :\n'])('unknown for %j', (text) => {
    expect(parseSecurityCenterAntivirus(text).status).toBe('unknown');
  });
});
