import type { LocalAccount } from '@deskside/protocol';
import { MAX_ACCOUNTS } from '@deskside/protocol';
import { administratorsGroupProbe } from '../../probes/windows/net-localgroup.js';
import { wmicUserAccountProbe } from '../../probes/windows/wmic-user-account.js';
import { probeValue, tryProbe, type CollectorEnv } from '../env.js';
import { cut } from '../normalize.js';

/** Local accounts and which are in the built-in Administrators group (by SID, so any UI language works). */
export async function collectWindowsAccounts(env: CollectorEnv): Promise<LocalAccount[]> {
  const accounts = await probeValue(wmicUserAccountProbe, env);
  const members = await tryProbe(administratorsGroupProbe, env, []);
  const admins = members === undefined ? undefined : new Set(members.map((m) => m.toLowerCase()));
  return accounts.slice(0, MAX_ACCOUNTS).map((a) => {
    const qualified = a.domain ? `${a.domain}\\${a.name}`.toLowerCase() : undefined;
    const inGroup = admins === undefined ? undefined : admins.has(a.name.toLowerCase()) || (qualified !== undefined && admins.has(qualified));
    return {
      name: cut(a.name, 256),
      fullName: null,
      // RID 500 is the built-in Administrator whatever its name; otherwise only the group can tell.
      admin: inGroup ?? (a.builtinRid === 500 ? true : null),
      disabled: a.disabled,
    };
  });
}
