import { ok, unknown, type ProbeResult } from '../probe.js';

export interface PosixAccount {
  readonly name: string;
  readonly uid: number;
  readonly gecos?: string;
  readonly shell?: string;
}

/** Groups whose members may become root with sudo on the common distributions. */
export const ADMIN_GROUPS = ['sudo', 'wheel', 'admin'] as const;

/** `/etc/passwd`: human accounts (uid 1000–59999) and root; daemons and `nologin` shells left out. */
export function parsePasswd(text: string): ProbeResult<PosixAccount[]> {
  const accounts: PosixAccount[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    const cols = line.split(':');
    if (cols.length < 7) continue;
    lines++;
    const [name = '', , uidText = '', , gecos = '', , shell = ''] = cols;
    const uid = Number(uidText);
    if (!Number.isInteger(uid) || name === '') continue;
    const human = uid === 0 || (uid >= 1000 && uid < 60000);
    if (!human || /(nologin|false)$/.test(shell)) continue;
    const fullName = gecos.split(',')[0]?.trim();
    accounts.push({ name, uid, ...(fullName ? { gecos: fullName } : {}), ...(shell ? { shell } : {}) });
  }
  if (lines === 0) return unknown('not a passwd file');
  return ok(accounts);
}

/** `/etc/group`: the members of the admin groups. */
export function parseAdminMembers(text: string): Set<string> {
  const members = new Set<string>();
  for (const line of text.split('\n')) {
    const [group = '', , , list = ''] = line.split(':');
    if (!(ADMIN_GROUPS as readonly string[]).includes(group)) continue;
    for (const m of list.split(',')) if (m.trim() !== '') members.add(m.trim());
  }
  return members;
}
