import type { AuditEntry } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { seesSite, siteFilter } from '../access/site-scope.js';
import type { AuthenticatedUser } from '../auth/session.js';

/** Pages read at most for one answer to a site-scoped viewer (a bounded scan, never the whole log). */
const MAX_PAGES = 20;

/**
 * The audit log as `who` may read it. Unscoped viewers read it whole. A site-scoped viewer (an
 * auditor of one client) reads only entries about a device or ticket of their sites: the rest
 * (users, groups, tokens, sign-ins, other sites' records) is the hub's or another client's business.
 */
export async function auditFor(
  store: Pick<Store, 'devices' | 'tickets'>,
  list: (limit: number, before?: number) => Promise<AuditEntry[]>,
  who: AuthenticatedUser,
  limit: number,
  before?: number,
): Promise<AuditEntry[]> {
  if (siteFilter(who) === undefined) return list(limit, before);
  const sites = new Map<string, string | null>();
  const siteOf = async (target: string): Promise<string | null> => {
    if (sites.has(target)) return sites.get(target) ?? null;
    const [kind, id] = target.split(':', 2);
    const record = !id ? undefined : kind === 'device' ? await store.devices.findById(id) : kind === 'ticket' ? await store.tickets.findById(id) : undefined;
    sites.set(target, record?.siteId ?? null);
    return record?.siteId ?? null;
  };
  const out: AuditEntry[] = [];
  let cursor = before;
  for (let page = 0; page < MAX_PAGES && out.length < limit; page++) {
    const rows = await list(Math.max(limit, 100), cursor);
    for (const row of rows) {
      const site = await siteOf(row.target);
      if (site !== null && seesSite(who, site) && out.length < limit) out.push(row);
    }
    const last = rows.at(-1);
    if (!last || rows.length < Math.max(limit, 100)) break;
    cursor = last.seq;
  }
  return out;
}
