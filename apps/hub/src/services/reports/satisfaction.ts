import type { ActivityReport, SatisfactionFigures, TicketCategory, TicketEvent } from '@deskside/protocol';
import { percent } from './report-stats.js';

interface Tally {
  good: number;
  bad: number;
  resolutions: number;
  reopened: number;
}

/** One ticket's history, in order: who resolved it when, whether it came back, and its rating. */
interface Resolution {
  at: number;
  by: { userId: string | null; name: string };
  reopened: boolean;
}

const empty = (): Tally => ({ good: 0, bad: 0, resolutions: 0, reopened: 0 });

function figures(t: Tally): SatisfactionFigures {
  return { ...t, csatPercent: percent(t.good, t.good + t.bad), reopenPercent: percent(t.reopened, t.resolutions) };
}

/**
 * CSAT and reopen rate from ticket events, read up to `cutoff`. A rating counts once per ticket
 * (its latest `rated` event, when that falls in the period) and goes to whoever resolved the ticket
 * last before it and to the ticket's category. A resolution counts in the period it was made, and
 * as reopened when the ticket left `resolved` for `open` afterwards (the employee's "not fixed",
 * a reply, or a technician).
 */
export function satisfactionFigures(
  tickets: ReadonlyArray<{ id: string; category: TicketCategory }>,
  eventsByTicket: ReadonlyMap<string, readonly TicketEvent[]>,
  inPeriod: (t: number | null | undefined) => t is number,
  cutoff: number,
): ActivityReport['satisfaction'] {
  const overall = empty();
  const byTech = new Map<string, Tally & { userId: string; name: string }>();
  const byCategory = new Map<TicketCategory, Tally>();
  const techOf = (by: Resolution['by']) => {
    if (by.userId === null) return null;
    let t = byTech.get(by.userId);
    if (!t) byTech.set(by.userId, (t = { ...empty(), userId: by.userId, name: by.name }));
    t.name = by.name;
    return t;
  };
  const categoryOf = (c: TicketCategory) => {
    let t = byCategory.get(c);
    if (!t) byCategory.set(c, (t = empty()));
    return t;
  };

  for (const ticket of tickets) {
    const events = (eventsByTicket.get(ticket.id) ?? [])
      .map((e) => ({ e, at: Date.parse(e.at) }))
      .filter((x) => Number.isFinite(x.at) && x.at < cutoff)
      .sort((a, b) => a.at - b.at || a.e.id.localeCompare(b.e.id));
    const resolutions: Resolution[] = [];
    let rating: { at: number; value: string; resolvedBy: Resolution['by'] | null } | null = null;
    for (const { e, at } of events) {
      if (e.type === 'status-changed' && e.to === 'resolved') resolutions.push({ at, by: { userId: e.actor.userId, name: e.actor.name }, reopened: false });
      const last = resolutions.at(-1);
      if (e.type === 'status-changed' && e.from === 'resolved' && e.to === 'open' && last) last.reopened = true;
      if (e.type === 'rated' && (e.to === 'good' || e.to === 'bad')) rating = { at, value: e.to, resolvedBy: last?.by ?? null };
    }
    for (const r of resolutions) {
      if (!inPeriod(r.at)) continue;
      for (const t of [overall, techOf(r.by), categoryOf(ticket.category)]) {
        if (!t) continue;
        t.resolutions++;
        if (r.reopened) t.reopened++;
      }
    }
    if (rating && inPeriod(rating.at)) {
      for (const t of [overall, rating.resolvedBy ? techOf(rating.resolvedBy) : null, categoryOf(ticket.category)]) {
        if (!t) continue;
        if (rating.value === 'good') t.good++;
        else t.bad++;
      }
    }
  }
  return {
    overall: figures(overall),
    byTechnician: [...byTech.values()]
      .map(({ userId, name, ...t }) => ({ userId, name, ...figures(t) }))
      .sort((a, b) => b.resolutions - a.resolutions || a.name.localeCompare(b.name))
      .slice(0, 500),
    byCategory: [...byCategory.entries()].map(([category, t]) => ({ category, ...figures(t) })).sort((a, b) => b.resolutions - a.resolutions || a.category.localeCompare(b.category)),
  };
}
