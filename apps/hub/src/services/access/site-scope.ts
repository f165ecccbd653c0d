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

/**
 * Whether `who` may see a person with these sites: an unscoped viewer sees everyone; a scoped one
 * sees only people limited to at least one of their sites (not hub-wide staff, not other clients').
 */
export function seesPerson(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, personSiteIds: readonly string[]): boolean {
  const scope = siteFilter(who);
  return scope === undefined || personSiteIds.some((s) => scope.includes(s));
}

/** Whether `who` may change something that spans these sites (`[]`: the whole hub): only with all of them in scope. */
export function governsSites(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, siteIds: readonly string[]): boolean {
  const scope = siteFilter(who);
  return scope === undefined || (siteIds.length > 0 && siteIds.every((s) => scope.includes(s)));
}

/**
 * `siteFilter` for an HTTP request's user, as a fresh list (routes pass it on to queries). Tolerant
 * of a session that carries no site list (hubs before site scoping): no scope then.
 */
export function siteScope(user: Pick<ConsoleSocketData, 'role'> & { siteIds?: readonly string[] }): string[] | undefined {
  const scope = siteFilter({ role: user.role, siteIds: [...(user.siteIds ?? [])] });
  return scope === undefined ? undefined : [...scope];
}
