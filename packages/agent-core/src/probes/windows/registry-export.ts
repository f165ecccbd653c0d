/**
 * The `.reg` text that `reg export` / `regedit /e` write (`REGEDIT4` or `Windows Registry Editor
 * Version 5.00`). Values are decoded: `dword:` to a number, `hex(2):` (REG_EXPAND_SZ) and
 * `hex(7):` (REG_MULTI_SZ) to strings, other `hex…:` to bytes. Lines ending in `\` continue.
 */
export type RegistryValue =
  | { readonly type: 'string'; readonly data: string }
  | { readonly type: 'dword'; readonly data: number }
  | { readonly type: 'qword'; readonly data: bigint }
  | { readonly type: 'expand-string'; readonly data: string }
  | { readonly type: 'multi-string'; readonly data: readonly string[] }
  | { readonly type: 'binary'; readonly data: Uint8Array; readonly kind: number }
  | { readonly type: 'delete' };

export interface RegistryKey {
  /** Full path as exported, e.g. `HKEY_LOCAL_MACHINE\SOFTWARE\…\Uninstall\{GUID}`. */
  readonly path: string;
  /** Value names as exported; the default value is `''` (`@` in the file). */
  readonly values: Map<string, RegistryValue>;
}

const HEADERS = /^(REGEDIT4|Windows Registry Editor Version 5\.00)$/;

export function isRegistryExport(text: string): boolean {
  return HEADERS.test(text.trimStart().split('\n', 1)[0]?.trim() ?? '');
}

export function parseRegistryExport(text: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | undefined;
  for (const line of logicalLines(text)) {
    if (line.startsWith('[') && line.endsWith(']')) {
      current = { path: line.slice(1, -1), values: new Map() };
      keys.push(current);
      continue;
    }
    if (current === undefined || line.startsWith(';')) continue;
    const entry = parseValueLine(line);
    if (entry) current.values.set(entry[0], entry[1]);
  }
  return keys;
}

const HEX_VALUE = /^(?:@|"(?:[^"\\]|\\.)*")=hex/i;

/** Joins `\`-continued lines; a line inside a quoted string never continues. */
function* logicalLines(text: string): Generator<string> {
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const joined = pending + line;
    if (joined.endsWith('\\') && HEX_VALUE.test(joined)) {
      pending = joined.slice(0, -1);
      continue;
    }
    pending = '';
    if (joined !== '') yield joined;
  }
  if (pending !== '') yield pending;
}

function parseValueLine(line: string): [string, RegistryValue] | undefined {
  let name: string;
  let rest: string;
  if (line.startsWith('@=')) {
    name = '';
    rest = line.slice(2);
  } else if (line.startsWith('"')) {
    const end = closingQuote(line, 1);
    if (end < 0 || line[end + 1] !== '=') return undefined;
    name = unescape(line.slice(1, end));
    rest = line.slice(end + 2);
  } else {
    return undefined;
  }
  const value = parseData(rest);
  return value === undefined ? undefined : [name, value];
}

function parseData(rest: string): RegistryValue | undefined {
  if (rest === '-') return { type: 'delete' };
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, 1);
    return { type: 'string', data: unescape(rest.slice(1, end < 0 ? undefined : end)) };
  }
  const dword = /^dword:([0-9a-f]{1,8})$/i.exec(rest);
  if (dword) return { type: 'dword', data: Number.parseInt(dword[1] ?? '0', 16) };
  const hex = /^hex(?:\(([0-9a-f]+)\))?:(.*)$/i.exec(rest);
  if (!hex) return undefined;
  const kind = hex[1] === undefined ? 3 : Number.parseInt(hex[1], 16);
  const bytes = hexBytes(hex[2] ?? '');
  if (kind === 2) return { type: 'expand-string', data: utf16z(bytes) };
  if (kind === 7) return { type: 'multi-string', data: utf16z(bytes, true).split('\0').filter((s) => s !== '') };
  if (kind === 11 && bytes.length === 8) {
    return { type: 'qword', data: new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true) };
  }
  return { type: 'binary', data: bytes, kind };
}

function hexBytes(list: string): Uint8Array {
  const parts = list.split(',').map((p) => p.trim()).filter((p) => /^[0-9a-f]{1,2}$/i.test(p));
  return Uint8Array.from(parts.map((p) => Number.parseInt(p, 16)));
}

/** UTF-16LE with a trailing NUL (REG_EXPAND_SZ); REGEDIT4 files hold ANSI bytes instead. */
function utf16z(bytes: Uint8Array, keepInnerNuls = false): string {
  const looksUtf16 = bytes.length >= 2 && bytes.length % 2 === 0 && bytes[1] === 0;
  const text = looksUtf16 ? new TextDecoder('utf-16le').decode(bytes) : new TextDecoder('latin1').decode(bytes);
  return keepInnerNuls ? text.replace(/\0+$/, '') : text.replace(/\0.*$/s, '');
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
