import { fail, ok, type Ack, type AgentTicketConfirm, type AgentTicketRate } from '@deskside/protocol';
import type { Repositories, TicketRecord } from '@deskside/store';
import { assertTransition, publish, statusPatch, writeChange } from './ticket-change.js';
import type { TicketActor, TicketDeps } from './ticket-deps.js';

/** What a committed confirmation still has to do: publish, and alert the assignee of a reopen. */
export interface FeedbackEffects {
  ticketId: string | null;
  reopened: { comment: string } | null;
}

export const noFeedbackEffects = (): FeedbackEffects => ({ ticketId: null, reopened: null });

/**
 * The employee's side of closing a ticket: "Is this fixed?" (yes closes a resolved ticket, no
 * reopens it with the comment) and the one-click satisfaction rating. Each runs inside the
 * idempotent-write transaction of its agent message; every change is a ticket event.
 */
export function createTicketFeedback(deps: TicketDeps) {
  const ownTicket = async (tx: Repositories, deviceId: string, ticketId: string): Promise<TicketRecord | undefined> => {
    const t = await tx.tickets.findById(ticketId);
    return t && t.deviceId === deviceId ? t : undefined;
  };
  const employeeOf = (t: TicketRecord): TicketActor => ({ type: 'employee', userId: null, name: t.requester.name });

  return {
    async confirmIn(tx: Repositories, deviceId: string, p: AgentTicketConfirm, now: Date, effects: FeedbackEffects): Promise<Ack<{ ticketId: string }>> {
      const t = await ownTicket(tx, deviceId, p.ticketId);
      if (!t) return fail('not_found', 'ticket:confirm: no such ticket on this device');
      if (t.status !== 'resolved') return fail('conflict', `ticket:confirm: the ticket is ${t.status}, not resolved`);
      const employee = employeeOf(t);
      if (p.fixed) {
        assertTransition(t, 'closed', 'employee-confirm');
        await writeChange(tx, deps, t, employee, statusPatch(t, 'closed', now), [
          { type: 'fix-confirmed', visibility: 'public', body: p.comment },
          { type: 'status-changed', visibility: 'internal', from: 'resolved', to: 'closed', body: 'The employee confirmed the fix.' },
        ], now);
      } else {
        const comment = (p.comment ?? '').trim();
        assertTransition(t, 'open', 'employee-reply');
        await writeChange(tx, deps, t, employee, statusPatch(t, 'open', now), [
          { type: 'fix-rejected', visibility: 'public', body: comment },
          { type: 'status-changed', visibility: 'internal', from: 'resolved', to: 'open', body: 'The employee says it is not fixed.' },
        ], now);
        effects.reopened = { comment };
      }
      effects.ticketId = t.id;
      return ok({ ticketId: t.id });
    },

    async rateIn(tx: Repositories, deviceId: string, p: AgentTicketRate, now: Date, effects: FeedbackEffects): Promise<Ack<{ ticketId: string }>> {
      const t = await ownTicket(tx, deviceId, p.ticketId);
      if (!t) return fail('not_found', 'ticket:rate: no such ticket on this device');
      if (t.status !== 'resolved' && t.status !== 'closed') return fail('conflict', `ticket:rate: only a resolved or closed ticket can be rated (this one is ${t.status})`);
      await writeChange(tx, deps, t, employeeOf(t), {}, [{ type: 'rated', visibility: 'internal', to: p.rating, body: p.comment }], now);
      effects.ticketId = t.id;
      return ok({ ticketId: t.id });
    },

    /** After the commit: consoles and the device learn of the change; a reopen alerts the assignee. */
    async afterCommit(effects: FeedbackEffects): Promise<void> {
      if (effects.ticketId === null) return;
      const t = await deps.store.tickets.findById(effects.ticketId);
      if (!t) return;
      await publish(deps, [t], true);
      if (effects.reopened && deps.alerts) {
        const assignee = t.assigneeId ? await deps.store.users.findById(t.assigneeId) : undefined;
        await deps.alerts
          .raiseReopened(t, effects.reopened.comment, assignee?.displayName ?? null)
          .catch((err: unknown) => deps.logger.warn('reopen alert failed', { ticketId: t.id, err: String(err) }));
      }
    },
  };
}

export type TicketFeedback = ReturnType<typeof createTicketFeedback>;
