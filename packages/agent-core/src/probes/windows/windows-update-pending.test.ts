import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseWindowsUpdatePending } from './windows-update-pending.js';

// What PowerShell prints for `...Search('IsInstalled=0 and IsHidden=0').Updates.Count` (CRLF, sometimes a BOM).
const ERROR = [
  'Exception from HRESULT: 0x8024402C',
  'At line:1 char:1',
  "+ (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher ...",
  '    + CategoryInfo          : OperationStopped: (:) [], COMException',
  '    + FullyQualifiedErrorId : System.Runtime.InteropServices.COMException',
  '',
].join('\r\n');

describe('parseWindowsUpdatePending', () => {
  it('reads the count', () => {
    expect(okValue(parseWith(parseWindowsUpdatePending, '3'))).toBe(3);
    expect(okValue(parseWith(parseWindowsUpdatePending, '0\r\n'))).toBe(0);
    expect(okValue(parseWith(parseWindowsUpdatePending, '\uFEFF12\r\n\r\n'))).toBe(12);
  });

  it('is unknown with a reason on an error text, an empty answer or nonsense', () => {
    const err = parseWindowsUpdatePending(ERROR);
    expect(err.status).toBe('unknown');
    expect(err.status === 'unknown' && err.reason).toMatch(/0x8024402C/);
    expect(parseWindowsUpdatePending('').status).toBe('unknown');
    expect(parseWindowsUpdatePending('-1').status).toBe('unknown');
    expect(parseWindowsUpdatePending('3\r\n4').status).toBe('unknown');
  });
});
