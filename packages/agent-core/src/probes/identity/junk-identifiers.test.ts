import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { parseDmidecode } from '../linux/dmidecode.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { isUsableIdentifier, junkReason, type IdentifierKind } from './junk-identifiers.js';

describe('isUsableIdentifier', () => {
  it.each([
    ['serial', 'Default string'],
    ['serial', 'To be filled by O.E.M.'],
    ['serial', 'To Be Filled By O.E.M.'],
    ['serial', 'System Serial Number'],
    ['product', 'System Product Name'],
    ['serial', 'Not Specified'],
    ['serial', 'None'],
    ['serial', '0'],
    ['serial', '123456789'],
    ['chassis-serial', 'Chassis Serial Number'],
    ['baseboard-serial', 'Base Board Serial Number'],
    ['serial', '   '],
    ['serial', ''],
    ['serial', null],
    ['serial', undefined],
    ['serial', '<BAD INDEX>'],
    ['serial', '0000000000'],
    ['serial', 'FFFFFFFF'],
    ['serial', 'XX'],
    ['uuid', '00000000-0000-0000-0000-000000000000'],
    ['uuid', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
    ['uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ['uuid', '03000200-0400-0500-0006-000700080009'],
    ['uuid', '00020003-0004-0005-0006-000700080009'],
    ['uuid', 'not-a-uuid'],
    ['mac', '00:00:00:00:00:00'],
    ['mac', 'FF:FF:FF:FF:FF:FF'],
    ['mac', '01:00:5E:00:00:01'],
  ] as [IdentifierKind, string | null | undefined][])('%s %j is junk', (kind, value) => {
    expect(isUsableIdentifier(kind, value)).toBe(false);
    expect(junkReason(kind, value)).toBeTypeOf('string');
  });

  it.each([
    ['serial', 'LR9NKZ7'],
    ['serial', '2RJF153'],
    ['baseboard-serial', '.2RJF153.CNIVC0005G0184.'],
    ['uuid', '725BA801-507B-11CB-95E6-C66052AAC597'],
    ['uuid', '4C4C4544-0052-4A10-8046-B2C04F313533'],
    ['uuid', '{564D5A0E-1F2B-3C4D-5E6F-708192A3B4C5}'],
    ['mac', '00:0C:29:3B:58:0E'],
    ['product', 'PowerEdge R640'],
  ] as [IdentifierKind, string][])('%s %j is usable', (kind, value) => {
    expect(isUsableIdentifier(kind, value)).toBe(true);
  });
});

describe.skipIf(!fixturesAvailable('linux'))(fixtureSuiteName('linux', 'dmidecode-full.'), () => {
  it.each(listFixtures('linux', 'dmidecode-full.'))('%s: placeholders in the recording are caught', (name) => {
    const dmi = okValue(parseWith(parseDmidecode, readFixture('linux', name)));
    expect(isUsableIdentifier('serial', dmi.system.serial)).toBe(true);
    expect(isUsableIdentifier('uuid', dmi.system.uuid)).toBe(true);
    // Vendor filler these machines really print.
    expect(isUsableIdentifier('serial', dmi.chassis.assetTag ?? 'Not Specified')).toBe(name.includes('lenovo') ? true : false);
  });

  it('Lenovo asset tag "No Asset Information" and baseboard "Not Available" are junk', () => {
    expect(isUsableIdentifier('serial', 'Not Available')).toBe(false);
  });
});
