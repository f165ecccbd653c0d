import type { ConsoleSocketData, KbReport, KbReportQuery } from '@deskside/protocol';
import type { TicketRecord } from '@deskside/store';
import { siteFilter } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import type { KbDeps } from './kb-deps.js';

const LIST = 20;
/** Fewer comparable tickets than this, and the median comes from every ticket resolved lately. */
const MIN_COMPARABLE = 3;
const LOOKBACK_MS = 90 * 24 * 3600_000;
const MONTH_MS = 30.44 * 24 * 3600_000;

/**
 * The knowledge base report. Time saved = deflections × the median handling time (opened →
 * resolved) of comparable tickets: those tied to the deflecting articles (written from, read
 * before asking, linked in a reply); when fewer than three of those are resolved, every ticket
 * resolved in the 90 days before the period's end. Site-scoped people are refused: deflections
 * and searches are counted hub-wide.
 */
export async function kbReport(deps: Pick<KbDeps, 'store' | 'clock'>, who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, query: KbReportQuery): Promise<KbReport> {
  if (siteFilter(who) !== undefined) throw new ServiceError('forbidden', 'The knowledge base report counts every site; ask an administrator.');
  const { store } = deps;
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to)) throw new ServiceError('invalid_payload', 'The period must end after it starts.');
  const [deflections, top, noResult, unhelpful, stale] = await Promise.all([
    store.kbActivity.deflectionsBetween(from, to),
    store.kbActivity.topArticles(from, to, LIST),
    store.kbActivity.noResultSearches(from, to, LIST),
    store.kbActivity.unhelpful(LIST),
    store.kbArticles.stale(new Date(deps.clock().getTime() - query.staleMonths * MONTH_MS), LIST),
  ]);
  const deflecting = top.filter((t) => t.deflections > 0).map((t) => t.articleId);
  const linked = (await store.tickets.findMany(await store.kbActivity.ticketsOfArticles(deflecting))).filter(isResolved);
  let basis: KbReport['comparableBasis'] = 'article-tickets';
  let comparable = linked;
  if (linked.length < MIN_COMPARABLE) {
    basis = 'all-tickets';
    comparable = (await store.tickets.list({ statuses: ['resolved', 'closed'], createdSince: new Date(to.getTime() - LOOKBACK_MS), limit: 5000 })).filter(isResolved);
  }
  const median = medianMinutes(comparable);
  if (median === null) basis = 'none';
  const titles = new Map((await store.kbArticles.findMany([...top.map((t) => t.articleId), ...unhelpful.map((u) => u.articleId)])).map((a) => [a.id, a]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    deflections,
    medianHandlingMinutes: median,
    comparableTickets: median === null ? 0 : comparable.length,
    comparableBasis: basis,
    minutesSaved: median === null ? 0 : Math.round(deflections * median),
    topArticles: top.flatMap((t) => {
      const a = titles.get(t.articleId);
      return a ? [{ id: a.id, title: a.title, views: a.views, deflections: t.deflections, helpful: t.helpful, unhelpful: t.unhelpful }] : [];
    }),
    noResultSearches: noResult.map((s) => ({ query: s.query, count: s.count, lastAt: s.lastAt.toISOString() })),
    unhelpful: unhelpful.flatMap((u) => {
      const a = titles.get(u.articleId);
      return a ? [{ id: a.id, title: a.title, helpful: u.helpful, unhelpful: u.unhelpful, lastComment: u.lastComment }] : [];
    }),
    stale: stale.map((a) => ({ id: a.id, title: a.title, reviewedAt: a.reviewedAt.toISOString() })),
  };
}

function isResolved(t: TicketRecord): t is TicketRecord & { resolvedAt: Date } {
  return t.resolvedAt !== null && t.resolvedAt.getTime() >= t.createdAt.getTime();
}

/** Median minutes from opening to resolution, one decimal; null for no tickets. */
export function medianMinutes(tickets: ReadonlyArray<Pick<TicketRecord, 'createdAt' | 'resolvedAt'>>): number | null {
  const minutes = tickets
    .flatMap((t) => (t.resolvedAt ? [(t.resolvedAt.getTime() - t.createdAt.getTime()) / 60_000] : []))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return null;
  const mid = Math.floor(minutes.length / 2);
  const value = minutes.length % 2 === 1 ? (minutes[mid] ?? 0) : ((minutes[mid - 1] ?? 0) + (minutes[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}
