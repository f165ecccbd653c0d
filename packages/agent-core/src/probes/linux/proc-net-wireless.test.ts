import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseProcNetWireless } from './proc-net-wireless.js';

const HEADER = 'Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n';

describe('parseProcNetWireless', () => {
  it('reads link quality and level (dBm) of an associated iwlwifi card', () => {
    const text = `${HEADER}wlp2s0: 0000   54.  -56.  -256        0      0      0      0     25        0\n`;
    expect(okValue(parseWith(parseProcNetWireless, text))).toEqual([{ iface: 'wlp2s0', linkQuality: 54, levelDbm: -56 }]);
  });

  it('maps an old driver\'s unsigned level back to dBm', () => {
    const text = `${HEADER}  wlan0: 0000   40.  200.  161.       0      0      0      0      0        0\n`;
    expect(okValue(parseProcNetWireless(text))).toEqual([{ iface: 'wlan0', linkQuality: 40, levelDbm: -56 }]);
  });

  it('keeps an interface that is not associated, with no level', () => {
    const text = `${HEADER}wlan0: 0000    0.  -256.  -256.       0      0      0      0      0        0\n  wlan1: 0000    0     0     0        0      0      0      0      0        0\n`;
    expect(okValue(parseProcNetWireless(text))).toEqual([
      { iface: 'wlan0', linkQuality: null, levelDbm: null },
      { iface: 'wlan1', linkQuality: null, levelDbm: null },
    ]);
  });

  it('answers an empty list when the kernel knows no wireless interface (header only, CRLF-safe)', () => {
    expect(okValue(parseWith(parseProcNetWireless, HEADER.replace(/\n/g, '\r\n')))).toEqual([]);
  });

  it('is unknown for text that is not /proc/net/wireless', () => {
    expect(parseProcNetWireless('').status).toBe('unknown');
    expect(parseProcNetWireless('wlan0: 0000 54. -56. -256\n').status).toBe('unknown');
  });

  it('bounds the list', () => {
    const many = Array.from({ length: 40 }, (_, i) => `wl${i}: 0000   54.  -60.  -256  0 0 0 0 0 0`).join('\n');
    expect(okValue(parseProcNetWireless(`${HEADER}${many}\n`))).toHaveLength(16);
  });
});
