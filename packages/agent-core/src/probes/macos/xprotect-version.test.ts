import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseXprotectVersion } from './xprotect-version.js';

describe('parseXprotectVersion', () => {
  it('reads the definitions version', () => {
    expect(okValue(parseWith(parseXprotectVersion, '5287\n'))).toBe('5287');
    expect(okValue(parseWith(parseXprotectVersion, '2.164'))).toBe('2.164');
  });

  it('is unknown when defaults has no such key or file', () => {
    const r = parseXprotectVersion('2024-05-02 10:00:00.000 defaults[812:4411] \nThe domain/default pair of (/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist, CFBundleShortVersionString) does not exist\n');
    expect(r.status).toBe('unknown');
    expect(parseXprotectVersion('').status).toBe('unknown');
  });
});
