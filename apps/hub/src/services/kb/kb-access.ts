import type { ConsoleSocketData } from '@deskside/protocol';
import type { KbArticleRecord, KbFilter } from '@deskside/store';
import { ServiceError } from '../service-error.js';
import { siteFilter } from '../access/site-scope.js';

type Reader = Pick<ConsoleSocketData, 'role' | 'siteIds'>;

/** What a signed-in person may read: every audience and status, limited to their sites' articles. */
export function technicianFilter(who: Reader): KbFilter {
  const sites = siteFilter(who);
  return sites === undefined ? {} : { siteIds: sites };
}

/** What an employee at a device of `siteId` may read: published employee articles for that site. */
export function employeeFilter(siteId: string): KbFilter {
  return { audiences: ['employees'], statuses: ['published'], siteIds: [siteId] };
}

/** Whether `who` sees this article (every-site articles, or one of their sites). */
export function seesArticle(who: Reader, article: Pick<KbArticleRecord, 'siteIds'>): boolean {
  const sites = siteFilter(who);
  return sites === undefined || article.siteIds.length === 0 || article.siteIds.some((s) => sites.includes(s));
}

/**
 * The sites a person may publish to: anyone unscoped, anywhere; a site-scoped technician only to
 * their own sites, never to every site (an MSP's client must not see another client's articles).
 */
export function assertMayPublishTo(who: Reader, siteIds: readonly string[]): void {
  const sites = siteFilter(who);
  if (sites === undefined) return;
  if (siteIds.length === 0) throw new ServiceError('forbidden', 'You work for some sites only: choose which of them see this article.');
  const outside = siteIds.filter((s) => !sites.includes(s));
  if (outside.length > 0) throw new ServiceError('forbidden', 'An article can be shown only to sites you work for.');
}

/** An article this person may edit: they see it, and a scoped person cannot change an every-site article. */
export function assertMayEdit(who: Reader, article: KbArticleRecord): void {
  if (!seesArticle(who, article)) throw new ServiceError('not_found', 'No such article.');
  assertMayPublishTo(who, article.siteIds);
}
