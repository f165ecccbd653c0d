import type { TicketRecord } from '@deskside/store';
import { afterBusinessDays } from './sla-clock.js';
import { assertTransition, publish, statusPatch, writeChange } from './ticket-change.js';
import { SYSTEM_ACTOR, type TicketDeps } from './ticket-deps.js';

const DAY_MS = 86_400_000;
const BATCH = 500;

/**
 * The periodic work (every minute at run time; tests call `tick` with a fake clock): close tickets
 * the employee did not confirm within N business days of their resolution (the site's SLA calendar), and record each SLA breach once, with a `sla-breached` event, a
 * hub alert for tickets that have a device, and a console push.
 */
export function createTicketJobs(deps: TicketDeps) {
  async function autoClose(now: Date): Promise<number> {
    const sla = await deps.sla.current();
    const days = sla.settings.autoCloseDays;
    // N business days are at least N calendar days: the store narrows, the site's calendar decides.
    const candidates = await deps.store.tickets.list({ statuses: ['resolved'], resolvedBefore: new Date(now.getTime() - days * DAY_MS), limit: BATCH });
    const due = candidates.filter((t) => {
      const at = t.resolvedAt === null ? null : afterBusinessDays(sla.calendarOf(t.siteId), t.resolvedAt.getTime(), days);
      return at !== null && at <= now.getTime();
    });
    const closed: TicketRecord[] = [];
    for (const candidate of due) {
      const record = await deps.store.transaction(async (tx) => {
        const t = await tx.tickets.findById(candidate.id);
        if (!t || t.status !== 'resolved') return undefined;
        assertTransition(t, 'closed', 'auto-close');
        return writeChange(tx, deps, t, SYSTEM_ACTOR, statusPatch(t, 'closed', now), [
          { type: 'status-changed', visibility: 'public', from: 'resolved', to: 'closed', body: `Closed automatically: no answer ${days} working day(s) after it was resolved.` },
        ], now);
      });
      if (record) closed.push(record);
    }
    if (closed.length > 0) await publish(deps, closed, true);
    return closed.length;
  }

  async function watchSla(now: Date): Promise<number> {
    const sla = await deps.sla.current();
    const active = await deps.store.tickets.list({ statuses: ['new', 'open', 'pending'], limit: 5000 });
    let breaches = 0;
    for (const candidate of active) {
      const view = sla.view(candidate, now.getTime());
      const first = view.firstResponseBreached && candidate.firstResponseBreachedAt === null;
      const resolution = view.resolutionBreached && candidate.resolutionBreachedAt === null;
      if (!first && !resolution) continue;
      const record = await deps.store.transaction(async (tx) => {
        const t = await tx.tickets.findById(candidate.id);
        if (!t) return undefined;
        const which = [...(first && t.firstResponseBreachedAt === null ? ['first-response' as const] : []), ...(resolution && t.resolutionBreachedAt === null ? ['resolution' as const] : [])];
        if (which.length === 0) return undefined;
        const record = await writeChange(tx, deps, t, SYSTEM_ACTOR, {
          ...(which.includes('first-response') ? { firstResponseBreachedAt: now } : {}),
          ...(which.includes('resolution') ? { resolutionBreachedAt: now } : {}),
        }, which.map((w) => ({ type: 'sla-breached' as const, visibility: 'internal' as const, to: w, body: `The ${w} target of ${t.priority} was missed.` })), now);
        return { record, which };
      });
      if (!record) continue;
      breaches += record.which.length;
      await publish(deps, [record.record], false);
      if (deps.alerts && record.record.deviceId !== null) {
        for (const w of record.which) {
          await deps.alerts.raiseSlaBreach(record.record, w).catch((err: unknown) => deps.logger.warn('sla-breach alert failed', { ticketId: record.record.id, err: String(err) }));
        }
      }
    }
    return breaches;
  }

  return {
    /** One pass of both jobs; answers what it did (tests, logs). */
    async tick(): Promise<{ closed: number; breaches: number }> {
      const now = deps.clock();
      return { closed: await autoClose(now), breaches: await watchSla(now) };
    },
  };
}

export type TicketJobs = ReturnType<typeof createTicketJobs>;
