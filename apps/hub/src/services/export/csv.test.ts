import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvRow, neutralizeFormula } from './csv.js';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('PC-001')).toBe('PC-001');
    expect(csvField('Ünïcødé 日本')).toBe('Ünïcødé 日本');
  });

  it('quotes fields with quotes, commas or line breaks, doubling quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('"')).toBe('""""');
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n', ' ', '\0', '\u00a0', '\u2007', '\u200b', '\ufeff', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'])('neutralizes a text cell starting with %j', (trigger) => {
    const field = csvField(`${trigger}1+1`);
    const unquoted = field.startsWith('"') ? field.slice(1, -1) : field;
    expect(unquoted.startsWith(`'${trigger}`)).toBe(true);
  });

  it('neutralizes the classic payloads, quoting where needed', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('-5')).toBe("'-5");
  });

  it('does not neutralize a trigger that is not first, or numbers we write', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(1234567890123)).toBe('1234567890123');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes empty fields for missing values and words for booleans', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
  });
});

describe('csvRow', () => {
  it('joins with commas and ends with CRLF', () => {
    expect(csvRow(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"\r\n');
  });

  it('a multi-line cell keeps the record on one logical row', () => {
    const row = csvRow(['n1\nn2', 'z']);
    expect(row).toBe('"n1\nn2",z\r\n');
    expect(row.endsWith('\r\n')).toBe(true);
  });
});

describe('BOM and neutralizeFormula', () => {
  it('the BOM is U+FEFF (EF BB BF in UTF-8)', () => {
    expect(Buffer.from(CSV_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('leaves empty text and safe text alone', () => {
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula("'already")).toBe("'already");
  });
});
