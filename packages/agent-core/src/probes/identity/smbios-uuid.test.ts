import { describe, expect, it } from 'vitest';
import { canonicalSmbiosUuid, normalizeUuid, sameSmbiosUuid, smbiosUuidForms } from './smbios-uuid.js';

describe('SMBIOS UUID byte orders', () => {
  // A VMware VM: dmidecode shows the first form, VMware's uuid.bios the swapped one.
  const dmidecode = '564D5A0E-1F2B-3C4D-5E6F-708192A3B4C5';
  const swapped = '0E5A4D56-2B1F-4D3C-5E6F-708192A3B4C5';

  it('swaps the first three groups only', () => {
    expect(smbiosUuidForms(dmidecode)).toEqual({ asPrinted: dmidecode, swapped });
    expect(smbiosUuidForms(swapped)?.swapped).toBe(dmidecode);
  });

  it.each([
    [dmidecode, swapped, true],
    [dmidecode.toLowerCase(), `{${swapped}}`, true],
    [dmidecode, dmidecode, true],
    [dmidecode, '564D5A0E-1F2B-3C4D-5E6F-708192A3B4C6', false],
    ['garbage', dmidecode, false],
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(sameSmbiosUuid(a, b)).toBe(same);
    expect(sameSmbiosUuid(b, a)).toBe(same);
  });

  it('the canonical key is the same for both forms', () => {
    expect(canonicalSmbiosUuid(dmidecode)).toBe(canonicalSmbiosUuid(swapped));
    expect(canonicalSmbiosUuid('x')).toBeUndefined();
  });

  it.each([
    ['564d5a0e1f2b3c4d5e6f708192a3b4c5', dmidecode],
    ['56 4d 5a 0e 1f 2b 3c 4d-5e 6f 70 81 92 a3 b4 c5', dmidecode],
    ['1234', undefined],
  ])('normalizes %j', (input, expected) => expect(normalizeUuid(input)).toBe(expected));
});
