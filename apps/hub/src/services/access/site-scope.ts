import type { ConsoleSocketData } from '@deskside/protocol';

/**
 * The site filter of a signed-in person: `undefined` means every site (no scope); otherwise the
 * list to pass to every device query. An admin is never scoped.
 */
export function siteFilter(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): readonly string[] | undefined {
  if (who.role === 'admin' || who.siteIds.length === 0) return undefined;
  return who.siteIds;
}

/** Whether `who` may see a device of `siteId`. */
export function seesSite(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, siteId: string): boolean {
  const scope = siteFilter(who);
  return scope === undefined || scope.includes(siteId);
}
