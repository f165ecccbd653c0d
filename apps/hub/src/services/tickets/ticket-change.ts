import type { ConsoleSocketData, TicketEvent, TicketStatus } from '@deskside/protocol';
import type { Repositories, SlaPause, TicketPatch, TicketRecord } from '@deskside/store';
import { seesSite } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { presentEmployeeTicket } from './presenters.js';
import { checkTransition, isPaused, type TransitionTrigger } from './status-machine.js';
import type { TicketActor, TicketDeps } from './ticket-deps.js';

/** One history entry to write; ticket and actor default to the change's. */
export interface EventDraft {
  type: TicketEvent['type'];
  visibility: TicketEvent['visibility'];
  body?: string | null;
  from?: string | null;
  to?: string | null;
  ticketId?: string;
  actor?: TicketActor;
}

/** The signed-in person as a history actor. */
export function technicianActor(user: Pick<ConsoleSocketData, 'userId'>, name: string): TicketActor {
  return { type: 'technician', userId: user.userId, name: name.slice(0, 128) };
}

/** The ticket, if it exists and `user` may see its site; otherwise not_found (never "exists but hidden"). */
export async function visibleTicket(
  tx: Repositories,
  user: Pick<ConsoleSocketData, 'role' | 'siteIds'> | undefined,
  id: string,
): Promise<TicketRecord> {
  const ticket = await tx.tickets.findById(id);
  if (!ticket || (user && !seesSite(user, ticket.siteId))) throw new ServiceError('not_found', 'No such ticket.');
  return ticket;
}

/** Refuses an illegal status change with `conflict` and the machine's reason. */
export function assertTransition(t: TicketRecord, to: TicketStatus, trigger: TransitionTrigger): void {
  const check = checkTransition(t.status, to, trigger);
  if (!check.ok) throw new ServiceError('conflict', `Ticket #${t.number}: ${check.message}`);
}

const MAX_PAUSES = 100;

/** The status change plus what it implies for the SLA clock (pending pauses it). */
export function statusPatch(t: TicketRecord, to: TicketStatus, now: Date): TicketPatch {
  const patch: TicketPatch = { status: to };
  const wasPaused = isPaused(t.status);
  const paused = isPaused(to);
  if (wasPaused && !paused) patch.slaPauses = t.slaPauses.map((p): SlaPause => (p.to === null ? { from: p.from, to: now } : p));
  if (!wasPaused && paused && t.slaPauses.length < MAX_PAUSES) patch.slaPauses = [...t.slaPauses, { from: now, to: null }];
  if (to === 'resolved') patch.resolvedAt = now;
  if (to === 'open' && t.status === 'resolved') patch.resolvedAt = null;
  if (to === 'closed') patch.closedAt = now;
  return patch;
}

/** Writes the patch, its history and (for people) the audit row, in the caller's transaction. */
export async function writeChange(
  tx: Repositories,
  deps: TicketDeps,
  t: TicketRecord,
  actor: TicketActor,
  patch: TicketPatch,
  drafts: readonly EventDraft[],
  now: Date,
): Promise<TicketRecord> {
  const full: TicketPatch = { ...patch, updatedAt: now };
  await tx.tickets.update(t.id, full);
  await tx.ticketEvents.append(
    drafts.map((d) => ({
      id: deps.newId(),
      ticketId: d.ticketId ?? t.id,
      at: now.toISOString(),
      actor: d.actor ?? actor,
      type: d.type,
      visibility: d.visibility,
      body: d.body ?? null,
      from: d.from?.slice(0, 64) ?? null,
      to: d.to?.slice(0, 64) ?? null,
    })),
  );
  // A requester who wrote by mail gets a technician's public words by mail (never an internal note).
  if (deps.mail && t.channel === 'email' && actor.type === 'technician') {
    for (const d of drafts) {
      if (d.type === 'reply' && d.visibility === 'public') await deps.mail.queueIn(tx, t, 'reply', d.body ?? '', now);
      else if (d.type === 'status-changed' && d.to === 'resolved') await deps.mail.queueIn(tx, t, 'resolved', d.body ?? '', now);
    }
  }
  if (deps.audit && actor.type === 'technician' && actor.userId !== null && drafts.length > 0) {
    await deps.audit.recordIn(tx, { id: actor.userId, name: actor.name }, `ticket.${drafts[0]?.type ?? 'change'}`, `ticket:${t.id}`, {
      number: t.number,
      changes: drafts.map((d) => ({ type: d.type, from: d.from ?? null, to: d.to ?? null })),
    });
  }
  return { ...t, ...full };
}

/**
 * After the commit: consoles learn which tickets changed; the employee's device gets the new
 * public view when something they can see changed. Never throws (the change is already stored).
 */
export async function publish(deps: TicketDeps, tickets: readonly TicketRecord[], employeeVisible: boolean): Promise<void> {
  deps.notifier.ticketsChanged(tickets.map((t) => t.id));
  if (!employeeVisible) return;
  for (const t of tickets) {
    if (t.deviceId === null) continue;
    try {
      const fresh = (await deps.store.tickets.findById(t.id)) ?? t;
      const events = await deps.store.ticketEvents.listForTickets([t.id]);
      const confirmDays = (await deps.sla.current()).settings.autoCloseDays;
      deps.notifier.employeeTicketChanged(t.deviceId, presentEmployeeTicket(fresh, events, confirmDays));
    } catch (err) {
      deps.logger.warn('ticket push to the device failed', { ticketId: t.id, err: String(err) });
    }
  }
}

/** The display name of a signed-in user, for history entries. */
export async function userName(tx: Repositories, userId: string): Promise<string> {
  return (await tx.users.findById(userId))?.displayName ?? 'technician';
}

/** Whether everyone who may read `a`'s public thread may read `b`'s, and no one else (device, requester, site). */
export function sameReaders(a: TicketRecord, b: TicketRecord): boolean {
  return a.deviceId === b.deviceId && a.siteId === b.siteId && a.requester.name === b.requester.name && a.requester.username === b.requester.username;
}
