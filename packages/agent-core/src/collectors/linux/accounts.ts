import { MAX_ACCOUNTS, type LocalAccount } from '@deskside/protocol';
import { parseAdminMembers, parsePasswd } from '../../probes/linux/passwd-group.js';
import { SectionUnknown, tryRead, type CollectorEnv } from '../env.js';
import { cut, text } from '../normalize.js';

/** Local accounts from /etc/passwd; admins are root and members of sudo / wheel / admin. */
export async function collectLinuxAccounts(env: CollectorEnv): Promise<LocalAccount[]> {
  const passwd = await tryRead(env, '/etc/passwd');
  if (passwd === undefined) throw new SectionUnknown('/etc/passwd is not readable');
  const parsed = parsePasswd(passwd);
  if (parsed.status !== 'ok') throw new SectionUnknown(parsed.reason);
  const group = await tryRead(env, '/etc/group');
  const admins = group === undefined ? undefined : parseAdminMembers(group);
  return parsed.value.slice(0, MAX_ACCOUNTS).map((a) => ({
    name: cut(a.name, 256),
    fullName: text(a.gecos),
    admin: a.uid === 0 ? true : admins === undefined ? null : admins.has(a.name),
    disabled: null,
  }));
}
