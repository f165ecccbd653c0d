import type { ConsoleSocketData, TicketStatus } from '@deskside/protocol';
import type { Repositories, TicketPatch, TicketRecord } from '@deskside/store';
import { seesSite } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { assertTransition, publish, sameReaders, statusPatch, technicianActor, userName, visibleTicket, writeChange, type EventDraft } from './ticket-change.js';
import type { TicketActor, TicketDeps } from './ticket-deps.js';

type User = Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>;

/** What one action does to a loaded ticket, inside the transaction. */
interface Outcome {
  patch: TicketPatch;
  events: EventDraft[];
  /** Something the employee sees changed (reply, status). */
  employeeVisible: boolean;
  /** Further tickets the action wrote (merge target). */
  also?: TicketRecord[];
}

const MAX_TIME_MINUTES = 1_000_000;

/** Technician actions on one ticket: every one is a transaction writing the change and its history. */
export function createTicketActions(deps: TicketDeps) {
  async function act(user: User, id: string, fn: (t: TicketRecord, actor: TicketActor, tx: Repositories, now: Date) => Promise<Outcome>): Promise<TicketRecord> {
    const { record, also, visible } = await deps.store.transaction(async (tx) => {
      const t = await visibleTicket(tx, user, id);
      const actor = technicianActor(user, await userName(tx, user.userId));
      const now = deps.clock();
      const out = await fn(t, actor, tx, now);
      const record = await writeChange(tx, deps, t, actor, out.patch, out.events, now);
      return { record, also: out.also ?? [], visible: out.employeeVisible };
    });
    await publish(deps, [record, ...also], visible);
    return record;
  }

  /** The first public word from a technician stops the first-response clock. */
  const firstResponse = (t: TicketRecord, now: Date): TicketPatch => (t.firstResponseAt === null ? { firstResponseAt: now } : {});

  const toStatus = (t: TicketRecord, to: TicketStatus, now: Date, note: string | null): Outcome => {
    assertTransition(t, to, 'technician');
    if (to === 'resolved' && !note) throw new ServiceError('invalid_payload', 'A resolution note is required to resolve a ticket.');
    const responded = to === 'resolved' || to === 'pending' ? firstResponse(t, now) : {};
    return {
      patch: { ...statusPatch(t, to, now), ...responded },
      events: [{ type: 'status-changed', visibility: 'public', from: t.status, to, body: note }],
      employeeVisible: true,
    };
  };

  return {
    /** A public answer to the employee; a new ticket becomes open. */
    reply: (user: User, id: string, body: string) =>
      act(user, id, async (t, _a, _tx, now) => {
        if (t.status === 'closed') throw new ServiceError('conflict', `Ticket #${t.number} is closed; it cannot be answered.`);
        const events: EventDraft[] = [{ type: 'reply', visibility: 'public', body }];
        let patch: TicketPatch = firstResponse(t, now);
        if (t.status === 'new') {
          patch = { ...patch, ...statusPatch(t, 'open', now) };
          events.push({ type: 'status-changed', visibility: 'internal', from: 'new', to: 'open' });
        }
        return { patch, events, employeeVisible: true };
      }),

    /** An internal note: technicians only, never sent to the device. */
    note: (user: User, id: string, body: string) =>
      act(user, id, async () => ({ patch: {}, events: [{ type: 'note', visibility: 'internal', body }], employeeVisible: false })),

    assign: (user: User, id: string, assigneeId: string | null) =>
      act(user, id, async (t, _a, tx) => {
        if (t.assigneeId === assigneeId) throw new ServiceError('conflict', `Ticket #${t.number} is already ${assigneeId ? 'assigned to them' : 'unassigned'}.`);
        if (assigneeId !== null) {
          const who = await tx.users.findById(assigneeId);
          if (!who || who.disabledAt !== null || who.role === 'auditor') throw new ServiceError('invalid_payload', 'Tickets can be assigned to active technicians and admins only.');
        }
        return { patch: { assigneeId }, events: [{ type: 'assigned', visibility: 'internal', from: t.assigneeId, to: assigneeId }], employeeVisible: false };
      }),

    /** Moves the ticket to another tier with a hand-off note; the new tier picks it up (unassigned). */
    escalate: (user: User, id: string, tier: 1 | 2 | 3, note: string) =>
      act(user, id, async (t) => {
        if (t.status === 'closed') throw new ServiceError('conflict', `Ticket #${t.number} is closed.`);
        if (t.tier === tier) throw new ServiceError('conflict', `Ticket #${t.number} is already at tier ${tier}.`);
        return {
          patch: { tier, assigneeId: null },
          events: [{ type: 'escalated', visibility: 'internal', from: String(t.tier), to: String(tier), body: note }],
          employeeVisible: false,
        };
      }),

    resolve: (user: User, id: string, note: string) => act(user, id, async (t, _a, _tx, now) => toStatus(t, 'resolved', now, note)),

    /** Only a resolved ticket reopens (a closed one stays closed; pending goes back to open by status). */
    reopen: (user: User, id: string) =>
      act(user, id, async (t, _a, _tx, now) => {
        if (t.status !== 'resolved') throw new ServiceError('conflict', `Ticket #${t.number} is ${t.status}; only a resolved ticket can be reopened.`);
        return toStatus(t, 'open', now, null);
      }),

    setStatus: (user: User, id: string, status: TicketStatus, note: string | undefined) =>
      act(user, id, async (t, _a, _tx, now) => toStatus(t, status, now, note ?? null)),

    logTime: (user: User, id: string, minutes: number) =>
      act(user, id, async (t) => {
        const total = Math.min(MAX_TIME_MINUTES, t.timeSpentMinutes + minutes);
        return { patch: { timeSpentMinutes: total }, events: [{ type: 'time-logged', visibility: 'internal', to: String(minutes) }], employeeVisible: false };
      }),

    /** Closes `id` as a duplicate of `intoId`; its thread shows in the target's history. */
    merge: (user: User, id: string, intoId: string) =>
      act(user, id, async (t, actor, tx, now) => {
        if (id === intoId) throw new ServiceError('conflict', 'A ticket cannot be merged into itself.');
        const target = await visibleTicket(tx, user, intoId);
        if (target.status === 'closed' || target.mergedIntoId !== null) throw new ServiceError('conflict', `Ticket #${target.number} is closed; merge into an open ticket.`);
        assertTransition(t, 'closed', 'merge');
        const updatedTarget = await writeChange(tx, deps, target, actor, {}, [{ type: 'merged', visibility: 'internal', from: t.id, body: `#${t.number} "${t.subject}" was merged into this ticket.` }], now);
        return {
          patch: { ...statusPatch(t, 'closed', now), mergedIntoId: target.id },
          events: [
            {
              type: 'merged',
              visibility: 'public',
              to: target.id,
              // Another employee's ticket stays theirs: this one is told only that it is handled there.
              body: sameReaders(t, target) ? `Merged into #${target.number}, which continues this request.` : 'Closed: a technician handles this together with a report of the same problem. Replying here opens a new request.',
            },
          ],
          employeeVisible: true,
          also: [updatedTarget],
        };
      }),

    /** Links an alert (of the ticket's device, when it has one). */
    linkAlert: async (user: User, id: string, alertId: string) => {
      // Read before the ticket's transaction: the alert lives behind the store, not the transaction.
      const alert = deps.alerts ? await deps.alerts.findAlert(alertId) : undefined;
      // An alert of a device the actor may not see is "no such alert", whatever ticket it is linked to.
      const device = alert ? await deps.store.devices.findById(alert.deviceId) : undefined;
      if (deps.alerts && (!alert || !device || !seesSite(user, device.siteId))) throw new ServiceError('not_found', 'No such alert.');
      return act(user, id, async (t) => {
        if (t.linkedAlertIds.includes(alertId)) throw new ServiceError('conflict', 'That alert is already linked.');
        if (t.linkedAlertIds.length >= 100) throw new ServiceError('conflict', 'A ticket links at most 100 alerts.');
        if (alert && t.deviceId !== null && alert.deviceId !== t.deviceId) throw new ServiceError('conflict', "That alert is not about this ticket's device.");
        if (device && device.siteId !== t.siteId) throw new ServiceError('conflict', "That alert is about a device of another site than this ticket's.");
        return { patch: { linkedAlertIds: [...t.linkedAlertIds, alertId] }, events: [{ type: 'alert-linked', visibility: 'internal', to: alertId }], employeeVisible: false };
      });
    },
  };
}

export type TicketActions = ReturnType<typeof createTicketActions>;
