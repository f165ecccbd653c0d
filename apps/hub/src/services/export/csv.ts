/**
 * RFC 4180 CSV for spreadsheets: CRLF line ends, fields quoted when they hold a quote, comma or
 * line break (quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
 *
 * Formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`, or with
 * anything a spreadsheet may skip before them — a space or any other Unicode separator (no-break
 * space…), a control character (tab, CR, LF, NUL…), an invisible format character — or with a
 * compatibility form of the four (full-width `＝＋－＠`, small `﹦﹢﹣﹫`: NFKC folds them) is
 * prefixed with `'`, so Excel, LibreOffice and Sheets show it as text instead of evaluating it.
 * Choice for numbers: values that are JavaScript numbers are written as plain numerals and NOT
 * prefixed, even when negative — we produced them, they cannot carry a formula, and a `'-5` would
 * stop the column summing. Text that merely looks like a number ("-5" from an agent) is text and
 * is neutralized like any other.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export type CellValue = string | number | boolean | null | undefined;

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@']);
/** Separators, control and format characters: skipped or mangled by spreadsheets before a formula. */
const LEADING_INVISIBLE = /^[\p{Z}\p{Cc}\p{Cf}]/u;

/** A text that a spreadsheet would take as a formula, made inert with a leading `'`. */
export function neutralizeFormula(text: string): string {
  if (text.length === 0) return text;
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return LEADING_INVISIBLE.test(first) || FORMULA_TRIGGERS.has(first.normalize('NFKC')) ? `'${text}` : text;
}

/** One CSV field. Empty for null/undefined; finite numbers as numerals; NaN/∞ as empty. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvRow(values: readonly CellValue[]): string {
  return values.map(csvField).join(',') + CSV_EOL;
}
