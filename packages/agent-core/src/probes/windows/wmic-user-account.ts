import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseWmicList } from '../text/wmic-list.js';

/** Well-known relative ids of built-in local accounts. */
export const BUILTIN_RIDS = { 500: 'administrator', 501: 'guest', 503: 'default-account', 504: 'wdag-utility-account' } as const;

export interface LocalUserAccount {
  readonly name: string;
  readonly domain: string | undefined;
  readonly sid: string;
  readonly disabled: boolean;
  readonly localAccount: boolean;
  readonly lockedOut: boolean;
  /** The RID when it is a well-known built-in account (500 administrator, 501 guest…). */
  readonly builtinRid: keyof typeof BUILTIN_RIDS | undefined;
  readonly builtinRole: (typeof BUILTIN_RIDS)[keyof typeof BUILTIN_RIDS] | undefined;
}

/** `wmic path win32_useraccount where (LocalAccount=True) get /format:list`. */
export function parseWmicUserAccounts(text: string): ProbeResult<LocalUserAccount[]> {
  const accounts: LocalUserAccount[] = [];
  for (const record of parseWmicList(text)) {
    const name = record['Name'];
    const sid = record['SID'];
    if (!name || !sid || !/^S-1-[\d-]+$/.test(sid)) continue;
    const rid = Number(sid.split('-').at(-1));
    const builtinRid = rid in BUILTIN_RIDS ? (rid as keyof typeof BUILTIN_RIDS) : undefined;
    accounts.push({
      name,
      domain: record['Domain'] || undefined,
      sid,
      disabled: record['Disabled']?.toUpperCase() === 'TRUE',
      localAccount: record['LocalAccount']?.toUpperCase() === 'TRUE',
      lockedOut: record['Lockout']?.toUpperCase() === 'TRUE',
      builtinRid,
      builtinRole: builtinRid === undefined ? undefined : BUILTIN_RIDS[builtinRid],
    });
  }
  if (accounts.length === 0) return unknown('no Win32_UserAccount record with Name and SID');
  return ok(accounts);
}

export const wmicUserAccountProbe = defineTextProbe({
  id: 'windows.wmic-user-account',
  platforms: ['win32'],
  commands: [{ file: 'wmic.exe', args: ['path', 'win32_useraccount', 'where', '(LocalAccount=True)', 'get', '/format:list'] }],
  parseText: parseWmicUserAccounts,
});
