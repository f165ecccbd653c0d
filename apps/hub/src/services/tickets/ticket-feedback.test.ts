import type { AgentTicketConfirm, AgentTicketRate } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { noFeedbackEffects } from './ticket-feedback.js';
import { noEffects } from './ticket-intake.js';
import { agentTicket, ticketKit, type TicketKit } from './ticket-test-kit.js';

async function withKit(fn: (kit: TicketKit) => Promise<void>): Promise<void> {
  const kit = await ticketKit({ withAlerts: true });
  try {
    await fn(kit);
  } finally {
    await kit.cleanup();
  }
}

async function resolvedTicket(kit: TicketKit): Promise<string> {
  const effects = noEffects();
  const ack = await kit.store.transaction((tx) => kit.service.intake.createFromAgentIn(tx, kit.deviceId, agentTicket(), kit.clock.clock(), undefined, effects));
  if (!ack.ok) throw new Error(ack.error.message);
  await kit.service.actions.assign(kit.tech, ack.data.ticketId, kit.tech.userId);
  await kit.service.actions.resolve(kit.tech, ack.data.ticketId, 'Replaced the toner.');
  return ack.data.ticketId;
}

function confirm(kit: TicketKit, ticketId: string, fixed: boolean, comment: string | null, deviceId = kit.deviceId) {
  const at = kit.clock.clock();
  const p: AgentTicketConfirm = { id: kit.service.deps.newId(), ticketId, fixed, comment, sentAt: at.toISOString() };
  const effects = noFeedbackEffects();
  return kit.store
    .transaction((tx) => kit.service.feedback.confirmIn(tx, deviceId, p, at, effects))
    .then(async (ack) => {
      if (ack.ok) await kit.service.feedback.afterCommit(effects);
      return ack;
    });
}

function rate(kit: TicketKit, ticketId: string, rating: AgentTicketRate['rating'], comment: string | null = null) {
  const at = kit.clock.clock();
  const effects = noFeedbackEffects();
  return kit.store.transaction((tx) => kit.service.feedback.rateIn(tx, kit.deviceId, { id: kit.service.deps.newId(), ticketId, rating, comment, sentAt: at.toISOString() }, at, effects));
}

describe('ticket feedback: "Is this fixed?" and the rating', () => {
  it('no reopens the ticket with the comment in the thread and alerts the assignee; yes closes it', () =>
    withKit(async (kit) => {
      const ticketId = await resolvedTicket(kit);
      expect(kit.pushed.at(-1)?.ticket).toMatchObject({ status: 'resolved', resolvedBy: 'Tina Tech', confirmDays: 7 });

      expect(await confirm(kit, ticketId, false, 'The printer still jams.')).toEqual({ ok: true, data: { ticketId } });
      expect((await kit.store.tickets.findById(ticketId))?.status).toBe('open');
      expect(kit.pushed.at(-1)?.ticket.messages.at(-1)).toMatchObject({ from: 'employee', body: 'The printer still jams.' });
      expect(kit.reopenAlerts).toEqual([expect.objectContaining({ comment: 'The printer still jams.', assigneeName: 'Tina Tech' })]);

      await kit.service.actions.resolve(kit.tech, ticketId, 'New roller fitted.');
      expect(await confirm(kit, ticketId, true, null)).toEqual({ ok: true, data: { ticketId } });
      expect((await kit.store.tickets.findById(ticketId))?.status).toBe('closed');
      const events = await kit.store.ticketEvents.listForTickets([ticketId]);
      expect(events.filter((e) => e.type.startsWith('fix-')).map((e) => e.type)).toEqual(['fix-rejected', 'fix-confirmed']);
    }));

  it('answers only for a resolved ticket of this device, and no needs a comment', () =>
    withKit(async (kit) => {
      const ticketId = await resolvedTicket(kit);
      const other = kit.service.deps.newId();
      expect(await confirm(kit, ticketId, true, null, other)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await confirm(kit, ticketId, true, null)).toMatchObject({ ok: true });
      expect(await confirm(kit, ticketId, false, 'again')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }));

  it('keeps the latest rating as the ticket’s, as events', () =>
    withKit(async (kit) => {
      const ticketId = await resolvedTicket(kit);
      expect(await rate(kit, ticketId, 'bad', 'Slow')).toMatchObject({ ok: true });
      expect(await rate(kit, ticketId, 'good')).toMatchObject({ ok: true });
      const [ticket] = await kit.service.queries.present([(await kit.store.tickets.findById(ticketId))!]);
      expect(ticket?.satisfaction).toMatchObject({ rating: 'good', comment: null });
      expect((await kit.store.ticketEvents.listOfType([ticketId], ['rated'])).map((e) => e.to)).toEqual(['bad', 'good']);
    }));
});
