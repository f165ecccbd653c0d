import { describe, expect, it } from 'vitest';
import { decodeOutput, detectEncoding } from './decode.js';

const utf16le = (text: string, bom = true): Uint8Array => {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
};
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('decodeOutput', () => {
  it.each([
    ['UTF-16LE with BOM and CRLF', utf16le('Name=Invité\r\nSID=1\r\n'), 'Name=Invité\nSID=1\n'],
    ['UTF-16LE without BOM (wmic on a pipe)', utf16le('\r\r\nDriveLetter=C:\r\r\n', false), '\nDriveLetter=C:\n'],
    ['UTF-16BE with BOM', utf16be('КриптоПро\r\n'), 'КриптоПро\n'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Größe: 1\r\n')]), 'Größe: 1\n'],
    ['UTF-8 without BOM, lone CR', Buffer.from('a\rb\r\nc'), 'a\nb\nc'],
    ['empty', new Uint8Array(), ''],
    ['a single byte', Buffer.from('1'), '1'],
    ['a string input with BOM', '\uFEFFx\r\n', 'x\n'],
  ])('%s', (_label, input, expected) => {
    expect(decodeOutput(input)).toBe(expected);
  });

  it('does not take Cyrillic UTF-8 for UTF-16', () => {
    expect(detectEncoding(Buffer.from('Компания КриптоПро')).encoding).toBe('utf-8');
  });

  it('survives invalid UTF-8 and an odd-length UTF-16 body', () => {
    expect(decodeOutput(Buffer.from([0xc3, 0x28, 0x41]))).toContain('A');
    expect(decodeOutput(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]))).toMatch(/^A/);
  });
});
