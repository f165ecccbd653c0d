import si from 'systeminformation';
import type { LocalAccount, UsersSection } from '@deskside/protocol';
import { defineTextProbe } from '../probes/define-probe.js';
import { ok, unknown } from '../probes/probe.js';
import { collectWindowsAccounts } from './win32/accounts.js';
import { collectLinuxAccounts } from './linux/accounts.js';
import { probeValue, tryProbe, type CollectorEnv } from './env.js';
import { cut, text } from './normalize.js';

/** `dscl . list /Users UniqueID`: name and uid; accounts under 500 are system accounts. */
const dsclUsersProbe = defineTextProbe({
  id: 'macos.dscl-users',
  platforms: ['darwin'],
  commands: [{ file: '/usr/bin/dscl', args: ['.', 'list', '/Users', 'UniqueID'] }],
  parseText: (t) => {
    const users = t
      .split('\n')
      .map((l) => /^(\S+)\s+(-?\d+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[1] ?? '', uid: Number(m[2]) }))
      .filter((u) => u.uid >= 500 && !u.name.startsWith('_'));
    return t.trim() === '' ? unknown('dscl printed nothing') : ok(users);
  },
});

/** `dscl . read /Groups/admin GroupMembership`. */
const dsclAdminsProbe = defineTextProbe({
  id: 'macos.dscl-admin-group',
  platforms: ['darwin'],
  commands: [{ file: '/usr/bin/dscl', args: ['.', 'read', '/Groups/admin', 'GroupMembership'] }],
  parseText: (t) => ok(t.replace(/^GroupMembership:/, '').trim().split(/\s+/).filter(Boolean)),
});

async function macAccounts(env: CollectorEnv): Promise<LocalAccount[]> {
  const users = await probeValue(dsclUsersProbe, env);
  const admins = await tryProbe(dsclAdminsProbe, env, []);
  return users.map((u) => ({ name: cut(u.name, 256), fullName: null, admin: admins === undefined ? null : admins.includes(u.name), disabled: null }));
}

/** Local accounts on this platform (throws SectionUnknown when they cannot be read). */
export function localAccounts(env: CollectorEnv): Promise<LocalAccount[]> {
  if (env.platform === 'win32') return collectWindowsAccounts(env);
  if (env.platform === 'darwin') return macAccounts(env);
  return collectLinuxAccounts(env);
}

/** Who is signed in now, and the local accounts with their admin flag. */
export async function collectUsers(env: CollectorEnv): Promise<UsersSection> {
  const [sessions, local] = await Promise.all([si.users().catch(() => []), localAccounts(env).catch(() => null)]);
  if (local === null && sessions.length === 0) throw new Error('neither sessions nor local accounts could be read');
  const seen = new Set<string>();
  const loggedIn = sessions
    .map((s) => ({ name: cut(text(s.user) ?? 'unknown', 256), session: text(s.tty, 64), since: sinceIso(s.date, s.time) }))
    .filter((s) => {
      const key = `${s.name}\u0000${s.session ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 64);
  return { loggedIn, local: local ?? [] };
}

function sinceIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}/.test(time)) return null;
  const d = new Date(`${date}T${time.slice(0, 5)}:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
