import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseWmicServices } from './wmic-service.js';

// Hand-written in the shape wmic prints: CRLF, blank lines between records, and (as wmic writes
// when its output is redirected) UTF-16LE with a byte-order mark.
const LIST = [
  '',
  '',
  'DisplayName=Print Spooler',
  'Name=Spooler',
  'StartMode=Auto',
  'State=Running',
  '',
  '',
  'DisplayName=Service de télémétrie',
  'Name=DiagTrack',
  'StartMode=Disabled',
  'State=Stopped',
  '',
  '',
  'DisplayName=Windows Update',
  'Name=wuauserv',
  'StartMode=Manual',
  'State=Stopped',
  '',
  '',
  'DisplayName=Odd',
  'Name=OddSvc',
  'StartMode=Weird',
  'State=',
  '',
].join('\r\n');

const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

describe('parseWmicServices', () => {
  it('reads name, start mode and state from UTF-16LE output', () => {
    const services = okValue(parseWith(parseWmicServices, utf16(LIST)));
    expect(services.map((s) => [s.name, s.startMode, s.state])).toEqual([
      ['Spooler', 'auto', 'Running'],
      ['DiagTrack', 'disabled', 'Stopped'],
      ['wuauserv', 'manual', 'Stopped'],
      ['OddSvc', 'unknown', undefined],
    ]);
    expect(services[1]?.displayName).toBe('Service de télémétrie');
  });

  it('reads UTF-8 too, and answers unknown for output without records', () => {
    expect(okValue(parseWith(parseWmicServices, LIST))).toHaveLength(4);
    expect(parseWith(parseWmicServices, utf16('\r\n\r\nNo Instance(s) Available.\r\n')).status).toBe('unknown');
    expect(parseWith(parseWmicServices, 'StartMode=Auto\r\n').status).toBe('unknown');
  });
});
