import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { mpComputerStatusProbe, parseMpComputerStatus, type DefenderStatus } from './mp-computer-status.js';

// Small outputs written for these tests (no recording of this command exists in the shared fixtures),
// shaped like `Get-MpComputerStatus | Select-Object … | ConvertTo-Json -Compress` on each PowerShell.
const PS51 =
  '{"AMServiceEnabled":true,"AntivirusEnabled":true,"RealTimeProtectionEnabled":true,"AMRunningMode":"Normal",' +
  '"AntivirusSignatureVersion":"1.401.1234.0","AntivirusSignatureLastUpdated":"\\/Date(1700000000000)\\/","AntivirusSignatureAge":0,"DefenderSignaturesOutOfDate":false}\r\n';
const PS7 =
  '{"AMServiceEnabled":true,"AntivirusEnabled":true,"RealTimeProtectionEnabled":false,"AMRunningMode":"Normal",' +
  '"AntivirusSignatureVersion":"1.401.1234.0","AntivirusSignatureLastUpdated":"2023-11-14T23:13:20+01:00","AntivirusSignatureAge":3,"DefenderSignaturesOutOfDate":null}\n';
// An older platform: no AMRunningMode / DefenderSignaturesOutOfDate (Select-Object writes null), signatures stale.
const PS51_OLD_PLATFORM =
  '{"AMServiceEnabled":true,"AntivirusEnabled":true,"RealTimeProtectionEnabled":true,"AMRunningMode":null,' +
  '"AntivirusSignatureVersion":"1.155.1107.0","AntivirusSignatureLastUpdated":"\\/Date(1375153305000)\\/","AntivirusSignatureAge":12,"DefenderSignaturesOutOfDate":null}';

const parse = (text: string | Uint8Array): DefenderStatus => okValue(parseWith(parseMpComputerStatus, text));

describe('parseMpComputerStatus', () => {
  it('Windows PowerShell 5.1: \\/Date(ms)\\/ becomes a UTC timestamp', () => {
    expect(parse(PS51)).toEqual({
      serviceEnabled: true,
      antivirusEnabled: true,
      realTimeProtectionEnabled: true,
      runningMode: 'Normal',
      signatureVersion: '1.401.1234.0',
      signatureUpdatedAt: '2023-11-14T22:13:20.000Z',
      signatureAgeDays: 0,
      signaturesOutOfDate: false,
    });
  });

  it('PowerShell 7: the ISO date with its offset becomes the same UTC instant', () => {
    expect(parse(PS7)).toMatchObject({ realTimeProtectionEnabled: false, signatureUpdatedAt: '2023-11-14T22:13:20.000Z', signatureAgeDays: 3, signaturesOutOfDate: null });
  });

  it('an older platform without the newer properties', () => {
    expect(parse(PS51_OLD_PLATFORM)).toMatchObject({ runningMode: null, signaturesOutOfDate: null, signatureAgeDays: 12, signatureUpdatedAt: '2013-07-30T03:01:45.000Z' });
  });

  it('UTF-16LE output with a BOM (Windows PowerShell redirected) decodes to the same answer', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PS51, 'utf16le')]);
    expect(parse(bytes)).toEqual(parse(PS51));
  });

  it('keys in another case and a one-element array still read', () => {
    expect(parse('[{"antivirusenabled":false,"antivirussignatureversion":"1.2.3.4"}]')).toMatchObject({ antivirusEnabled: false, signatureVersion: '1.2.3.4', serviceEnabled: null });
  });

  it('"never updated": DateTime.MinValue and the 65535-day age are kept as Defender said them, the date as null', () => {
    const status = parse('{"AntivirusEnabled":false,"AntivirusSignatureVersion":"0.0.0.0","AntivirusSignatureLastUpdated":"\\/Date(-62135596800000)\\/","AntivirusSignatureAge":65535}');
    expect(status).toMatchObject({ signatureUpdatedAt: null, signatureAgeDays: 65535, antivirusEnabled: false });
  });

  it('values of the wrong type are null, not coerced', () => {
    const status = parse('{"AntivirusEnabled":"True","RealTimeProtectionEnabled":1,"AntivirusSignatureVersion":"1.401.1234.0","AntivirusSignatureAge":-1,"AMRunningMode":"<script>"}');
    expect(status).toMatchObject({ antivirusEnabled: null, realTimeProtectionEnabled: null, signatureAgeDays: null, runningMode: null });
  });

  it.each([
    ['empty stdout (the cmdlet failed; its error went to stderr)', '', /printed nothing/],
    ['whitespace only', '\r\n  \r\n', /printed nothing/],
    ['the 0x800106ba error text on stdout', 'Get-MpComputerStatus : Operation failed with the following error: 0x800106ba\r\n', /not JSON/],
    ['module missing', "Get-MpComputerStatus : The term 'Get-MpComputerStatus' is not recognized as the name of a cmdlet", /not JSON/],
    ['truncated JSON', PS51.slice(0, 60), /not JSON/],
    ['JSON null', 'null', /not an object/],
    ['a bare number', '42', /not an object/],
    ['an array of strings', '["a"]', /not an object/],
    ['an object without the fields', '{"ComputerState":0}', /neither/],
    ['a version that is not one', '{"AntivirusSignatureVersion":"latest"}', /neither/],
  ])('unknown for %s', (_label, text, reason) => {
    const result = parseWith(parseMpComputerStatus, text);
    expect(result.status).toBe('unknown');
    if (result.status === 'unknown') expect(result.reason).toMatch(reason);
  });
});

describe('parseMpComputerStatus on hostile JSON', () => {
  const KEYS = ['AMServiceEnabled', 'AntivirusEnabled', 'RealTimeProtectionEnabled', 'AMRunningMode', 'AntivirusSignatureVersion', 'AntivirusSignatureLastUpdated', 'AntivirusSignatureAge', 'DefenderSignaturesOutOfDate'];
  const anyValue = fc.oneof(fc.jsonValue(), fc.string().map((s) => `/Date(${s})/`), fc.integer().map((n) => `/Date(${n})/`), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  const record = fc.dictionary(fc.constantFrom(...KEYS, 'Other'), anyValue);

  // Called directly, not through parseWith: a throw would fail here instead of becoming 'parser failed'.
  it('never throws; every field it keeps has its documented type', () => {
    fc.assert(
      fc.property(fc.oneof(record, fc.array(record, { maxLength: 2 }), fc.jsonValue()), (json) => {
        const result = parseMpComputerStatus(JSON.stringify(json) ?? '');
        if (result.status === 'unknown') return;
        const s = result.value;
        for (const flag of [s.serviceEnabled, s.antivirusEnabled, s.realTimeProtectionEnabled, s.signaturesOutOfDate]) expect(flag === null || typeof flag === 'boolean').toBe(true);
        expect(s.signatureVersion === null || /^\d+(\.\d+)+$/.test(s.signatureVersion)).toBe(true);
        expect(s.signatureUpdatedAt === null || !Number.isNaN(Date.parse(s.signatureUpdatedAt))).toBe(true);
        expect(s.signatureAgeDays === null || (Number.isInteger(s.signatureAgeDays) && s.signatureAgeDays >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mpComputerStatusProbe', () => {
  it('runs PowerShell without a profile, asking for JSON', () => {
    const [command] = mpComputerStatusProbe.commands;
    expect(command.file).toBe('powershell.exe');
    expect(command.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(String(command.args[3])).toMatch(/^Get-MpComputerStatus \| Select-Object .*AntivirusSignatureLastUpdated.* \| ConvertTo-Json -Compress$/);
  });
});
