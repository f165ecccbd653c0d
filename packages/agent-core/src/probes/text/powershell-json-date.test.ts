import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powerShellJsonDateToIso } from './powershell-json-date.js';

describe('powerShellJsonDateToIso', () => {
  it.each([
    ['PS 5.1 after JSON.parse', '/Date(1700000000000)/', '2023-11-14T22:13:20.000Z'],
    ['PS 5.1 undecoded escapes', '\\/Date(1700000000000)\\/', '2023-11-14T22:13:20.000Z'],
    ['PS 5.1 with a zone suffix (informational: the number is UTC)', '/Date(1700000000000+0100)/', '2023-11-14T22:13:20.000Z'],
    ['PS 7 with an offset and 7 fraction digits', '2023-11-14T23:13:20.1234567+01:00', '2023-11-14T22:13:20.123Z'],
    ['PS 7 west of UTC', '2023-11-14T17:13:20-05:00', '2023-11-14T22:13:20.000Z'],
    ['PS 7 UTC kind', '2023-11-14T22:13:20Z', '2023-11-14T22:13:20.000Z'],
    ['Get-Date style wrapper', { value: '/Date(1700000000000)/', DisplayHint: 2, DateTime: 'Tuesday, November 14, 2023 11:13:20 PM' }, '2023-11-14T22:13:20.000Z'],
  ])('%s', (_label, input, expected) => {
    expect(powerShellJsonDateToIso(input)).toBe(expected);
  });

  it.each([
    ['no zone: local time of an unknown zone', '2023-11-14T23:13:20'],
    ['culture text', '14/11/2023 23:13:20'],
    ['DateTime.MinValue (never) in PS 5.1', '/Date(-62135596800000)/'],
    ['DateTime.MinValue in PS 7', '0001-01-01T00:00:00+00:00'],
    ['not a calendar date', '2023-02-30T10:00:00Z'],
    ['hour 24', '2023-02-10T24:00:00Z'],
    ['a number', 1700000000000],
    ['null', null],
    ['an array', ['/Date(1700000000000)/']],
    ['an object without value', { DateTime: 'x' }],
  ])('null for %s', (_label, input) => {
    expect(powerShellJsonDateToIso(input)).toBeNull();
  });

  it('answers a valid timestamp or null for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const iso = powerShellJsonDateToIso(s);
        expect(iso === null || !Number.isNaN(Date.parse(iso))).toBe(true);
      }),
    );
  });
});
