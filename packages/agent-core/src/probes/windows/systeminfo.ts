import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { inferDayMonthOrder, parsePrintedDate, type PrintedDate } from '../text/dates.js';
import { parseGroupedInteger } from '../text/numbers.js';

export interface SysteminfoNic {
  readonly description: string;
  readonly connectionName?: string;
  readonly dhcpEnabled?: boolean;
  readonly dhcpServer?: string;
  /** e.g. `Media disconnected`, when Windows prints a status instead of addresses. */
  readonly status?: string;
  readonly ipAddresses: readonly string[];
}

export interface Systeminfo {
  readonly hostName?: string;
  readonly osName?: string;
  /** `10.0.19042`. */
  readonly osVersion?: string;
  readonly build?: string;
  readonly servicePack?: string;
  readonly manufacturer?: string;
  readonly model?: string;
  readonly biosVersion?: string;
  readonly installDate?: PrintedDate;
  readonly bootTime?: PrintedDate;
  readonly domain?: string;
  readonly totalMemoryBytes?: number;
  readonly hotfixes: readonly string[];
  /** The count systeminfo announces (`302 Hotfix(s) Installed.`). */
  readonly hotfixCountDeclared?: number;
  /** systeminfo stops listing after a few hundred entries; the list then holds fewer than declared. */
  readonly hotfixListTruncated: boolean;
  readonly nics: readonly SysteminfoNic[];
}

interface Field {
  key: string;
  value: string;
  more: string[];
}

/** English-UI `systeminfo` (the labels are localized; other UIs answer 'unknown'). */
export function parseSysteminfo(text: string): ProbeResult<Systeminfo> {
  const fields = readFields(text);
  const get = (key: string): string | undefined => fields.get(key.toLowerCase())?.value || undefined;
  if (get('OS Name') === undefined && get('Host Name') === undefined) {
    return unknown('no "Host Name" / "OS Name" line (not systeminfo output, or a non-English UI)');
  }
  const version = /^(\S+)(?:\s+(Service Pack \d+))?.*?Build (\d+)/i.exec(get('OS Version') ?? '');
  const order = inferDayMonthOrder([get('Original Install Date') ?? '', get('System Boot Time') ?? ''].map(stripComma));
  const memory = get('Total Physical Memory');
  const hotfix = fields.get('hotfix(s)');
  const listed = (hotfix?.more ?? []).map((line) => /^\[\d+\]:\s*(\S+)/.exec(line.trim())?.[1]).filter((kb): kb is string => kb !== undefined);
  const declared = /^(\d+)\s+Hotfix/i.exec(hotfix?.value ?? '');
  const hotfixCountDeclared = declared ? Number(declared[1]) : undefined;
  return ok({
    hostName: get('Host Name'),
    osName: get('OS Name'),
    osVersion: version?.[1] ?? get('OS Version'),
    build: version?.[3],
    servicePack: version?.[2],
    manufacturer: get('System Manufacturer'),
    model: get('System Model'),
    biosVersion: get('BIOS Version'),
    installDate: dateOf(get('Original Install Date'), order),
    bootTime: dateOf(get('System Boot Time'), order),
    domain: get('Domain'),
    totalMemoryBytes: memoryBytes(memory),
    hotfixes: listed,
    hotfixCountDeclared,
    hotfixListTruncated: hotfixCountDeclared !== undefined && listed.length < hotfixCountDeclared,
    nics: parseNics(fields.get('network card(s)')?.more ?? []),
  });
}

/** `Key:   value` lines aligned on one column; indented lines belong to the key above. */
function readFields(text: string): Map<string, Field> {
  const fields = new Map<string, Field>();
  const lines = text.split('\n');
  const column = valueColumn(lines);
  let last: Field | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line)) {
      last?.more.push(line);
      continue;
    }
    const head = column > 0 && line.length >= column - 1 ? line.slice(0, column) : line;
    const colon = head.trimEnd().endsWith(':') ? head.trimEnd().length - 1 : line.indexOf(':');
    if (colon <= 0) continue;
    last = { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), more: [] };
    fields.set(last.key.toLowerCase(), last);
  }
  return fields;
}

function valueColumn(lines: readonly string[]): number {
  for (const line of lines) {
    const match = /^(\S[^:]*:)(\s+)\S/.exec(line);
    if (match) return (match[1] ?? '').length + (match[2] ?? '').length;
  }
  return 0;
}

function parseNics(lines: readonly string[]): SysteminfoNic[] {
  const nics: { description: string; fields: Map<string, string>; ips: string[]; indent: number }[] = [];
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    const entry = /^\[\d+\]:\s*(.*)$/.exec(trimmed);
    const current = nics.at(-1);
    if (entry && (current === undefined || indent <= current.indent)) {
      nics.push({ description: (entry[1] ?? '').trim(), fields: new Map(), ips: [], indent });
      continue;
    }
    if (!current) continue;
    if (entry) {
      current.ips.push((entry[1] ?? '').trim());
      continue;
    }
    const colon = trimmed.indexOf(':');
    if (colon > 0) current.fields.set(trimmed.slice(0, colon).trim().toLowerCase(), trimmed.slice(colon + 1).trim());
  }
  return nics.map(({ description, fields, ips }) => {
    const dhcp = fields.get('dhcp enabled');
    return {
      description,
      connectionName: fields.get('connection name'),
      dhcpEnabled: dhcp === undefined ? undefined : /^yes$/i.test(dhcp),
      dhcpServer: fields.get('dhcp server'),
      status: fields.get('status'),
      ipAddresses: ips.filter((ip) => ip !== ''),
    };
  });
}

const stripComma = (text: string): string => text.replace(',', '');

function dateOf(text: string | undefined, order: ReturnType<typeof inferDayMonthOrder>): PrintedDate | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePrintedDate(stripComma(text), order);
  return { ...parsed, text };
}

function memoryBytes(text: string | undefined): number | undefined {
  // Always whole megabytes; the separator (`2,047` / `2.047`) follows the locale.
  const match = /^([\d.,\s\u00a0]+)\s*MB$/i.exec(text ?? '');
  const mb = match ? parseGroupedInteger(match[1] ?? '') : undefined;
  return mb === undefined ? undefined : mb * 1024 * 1024;
}

export const systeminfoProbe = defineTextProbe({
  id: 'windows.systeminfo',
  platforms: ['win32'],
  commands: [{ file: 'systeminfo.exe', args: [], timeoutMs: 60_000 }],
  parseText: parseSysteminfo,
});
