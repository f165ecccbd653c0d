/**
 * Numbers as localized tools print them: `69,13 GB` (German manage-bde), `24,645 Wh` (French
 * upower), `2,047 MB` (en-US systeminfo, a thousands separator), `463 117 873 152 bytes` (macOS).
 * The caller says which separator is the decimal one when it knows; 'auto' treats a single
 * separator as decimal and a repeated one as grouping.
 */
export type DecimalSeparator = ',' | '.' | 'auto';

const GROUPING_SPACES = /[\s\u00a0\u202f']/g;

export function parseLocaleNumber(text: string, decimal: DecimalSeparator = 'auto'): number | undefined {
  const match = /[-+]?[\d\s\u00a0\u202f',.]*\d/.exec(text.trim());
  if (!match) return undefined;
  let raw = match[0].replace(GROUPING_SPACES, '');
  const separator = decimal === 'auto' ? guessDecimal(raw) : decimal;
  const grouping = separator === ',' ? '.' : ',';
  raw = raw.split(grouping).join('');
  if (separator !== undefined && separator !== '.') raw = raw.replace(separator, '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function guessDecimal(raw: string): ',' | '.' | undefined {
  const commas = raw.split(',').length - 1;
  const dots = raw.split('.').length - 1;
  if (commas > 0 && dots > 0) return raw.lastIndexOf(',') > raw.lastIndexOf('.') ? ',' : '.';
  if (commas === 1) return ',';
  if (dots === 1) return '.';
  // Only repeated separators: they group thousands, there is no fraction.
  return commas > 1 ? '.' : ',';
}

/** An integer printed with any thousands separator (`480,103,981,056`, `2.047`, `463 117 873 152`). */
export function parseGroupedInteger(text: string): number | undefined {
  const match = /\d[\d\s\u00a0\u202f',.]*/.exec(text);
  if (!match) return undefined;
  const digits = match[0].replace(/[^\d]/g, '');
  const value = Number(digits);
  return digits === '' || !Number.isSafeInteger(value) ? undefined : value;
}

/** How to read `KB`/`MB`/`GB`: Windows and SMBIOS mean powers of 1024, macOS and disk vendors 1000. */
export type UnitBase = 1000 | 1024;

const UNIT_POWER: Record<string, number> = { B: 0, K: 1, M: 2, G: 3, T: 4, P: 5 };

/**
 * Parses a size such as `69,13 GB`, `8 GB`, `4096 MB`, `1.4M` (lsblk), `16 GiB`, `512 bytes`
 * or `480,103,981,056 bytes` into bytes. IEC units (`KiB`) are always 1024-based.
 */
export function parseByteSize(text: string, base: UnitBase, decimal: DecimalSeparator = 'auto'): number | undefined {
  const match = /^\s*([-+]?\d[\d\s\u00a0\u202f',.]*?)\s*([KMGTP]?)(i?)(B|bytes?|o|octets?)?\s*$/i.exec(text.trim().split(/\s[[(]/)[0] ?? '');
  if (!match) return undefined;
  const [, numberText = '', prefix = '', iec = '', unit = ''] = match;
  if (prefix === '' && unit === '' && !/^\d+$/.test(numberText.trim())) return undefined;
  const isBytesWord = /^(bytes?|octets?)$/i.test(unit);
  const value = isBytesWord || prefix === '' ? parseGroupedInteger(numberText) : parseLocaleNumber(numberText, decimal);
  if (value === undefined) return undefined;
  const power = UNIT_POWER[prefix.toUpperCase() || 'B'] ?? 0;
  const multiplier = (iec === '' ? base : 1024) ** power;
  return Math.round(value * multiplier);
}
