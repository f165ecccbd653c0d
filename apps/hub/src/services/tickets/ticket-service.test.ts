import { describe, expect, it } from 'vitest';
import { noEffects } from './ticket-intake.js';
import { agentTicket, KNOWN_ALERT, ticketKit, type TicketKit } from './ticket-test-kit.js';

const MIN = 60_000;
const H = 60 * MIN;

async function withKit(fn: (kit: TicketKit) => Promise<void>, options: { withAlerts?: boolean } = {}): Promise<void> {
  const kit = await ticketKit(options);
  try {
    await fn(kit);
  } finally {
    await kit.cleanup();
  }
}

async function fromAgent(kit: TicketKit, overrides: Record<string, unknown> = {}, deviceId = kit.deviceId) {
  const payload = agentTicket(overrides);
  const effects = noEffects();
  const ack = await kit.store.transaction((tx) => kit.service.intake.createFromAgentIn(tx, deviceId, payload, kit.clock.clock(), undefined, effects));
  await kit.service.intake.afterCommit(effects);
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

describe('ticket service', () => {
  it('creates a technician ticket with its ITIL priority, a number and a history', () =>
    withKit(async (kit) => {
      const t = await kit.service.intake.createFromTechnician(kit.tech, { subject: 'Phone call', description: 'VPN down', impact: 'high', urgency: 'high' });
      expect(t).toMatchObject({ number: 1, priority: 'P1', status: 'new', source: 'technician', siteId: kit.siteId, requester: { name: 'Tina Tech' } });
      const detail = await kit.service.queries.detail(kit.tech, t.id);
      expect(detail.events.map((e) => e.type)).toEqual(['created']);
      // P1 in UTC office hours from 09:00: first response 09:30, resolution 13:00.
      expect(detail.ticket.sla).toEqual({ firstResponseDueAt: '2025-03-04T09:30:00.000Z', resolutionDueAt: '2025-03-04T13:00:00.000Z', state: 'ok' });
      expect(kit.changed.flat()).toContain(t.id);
    }));

  it('records the channel: console by default, a logged phone call with its length, api for a token, tray from the agent', () =>
    withKit(async (kit) => {
      const walkIn = await kit.service.intake.createFromTechnician(kit.tech, { subject: 'Walk-in', description: 'Mouse', impact: 'low', urgency: 'low' });
      expect(walkIn.channel).toBe('console');
      const call = await kit.service.intake.createFromTechnician(kit.tech, { subject: 'Call', description: 'VPN down', impact: 'medium', urgency: 'high', channel: 'phone', timeSpentMinutes: 7 });
      expect(call).toMatchObject({ channel: 'phone', timeSpentMinutes: 7 });
      const detail = await kit.service.queries.detail(kit.tech, call.id);
      expect(detail.ticket).toMatchObject({ channel: 'phone', timeSpentMinutes: 7 });
      expect(detail.events.map((e) => [e.type, e.to])).toEqual([['created', 'new'], ['time-logged', '7']]);
      // A script's token cannot pass its tickets off as phone calls.
      const scripted = await kit.service.intake.createFromTechnician({ ...kit.tech, apiToken: {} }, { subject: 'From a script', description: 'x', impact: 'low', urgency: 'low', channel: 'phone' });
      expect(scripted.channel).toBe('api');
      const { ticketId } = await fromAgent(kit);
      expect((await kit.store.tickets.findById(ticketId))?.channel).toBe('tray');
      const phones = await kit.service.queries.list(kit.tech, { channel: 'phone' });
      expect(phones.tickets.map((t) => t.id)).toEqual([call.id]);
    }));

  it('takes the device from the socket and the site from the device', () =>
    withKit(async (kit) => {
      const ack = await fromAgent(kit);
      expect(ack).toMatchObject({ number: 1, priority: 'P2' });
      const t = await kit.store.tickets.findById(ack.ticketId);
      expect(t).toMatchObject({ deviceId: kit.deviceId, siteId: kit.siteId, source: 'agent' });
    }));

  it('a public reply is the first response and reaches the device; internal notes never do', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      await kit.service.actions.note(kit.tech, ticketId, 'secret: the user broke it');
      expect(kit.pushed).toHaveLength(0);
      kit.clock.advance(10 * MIN);
      await kit.service.actions.reply(kit.tech, ticketId, 'On my way.');
      const t = await kit.store.tickets.findById(ticketId);
      expect(t).toMatchObject({ status: 'open', firstResponseAt: kit.clock.clock() });
      const last = kit.pushed.at(-1);
      expect(last?.deviceId).toBe(kit.deviceId);
      expect(last?.ticket.messages.map((m) => [m.from, m.body])).toEqual([
        ['employee', 'Every page jams on the second floor printer.'],
        ['technician', 'On my way.'],
      ]);
      expect(JSON.stringify(await kit.service.queries.mine(kit.deviceId))).not.toContain('secret');
    }));

  it('refuses illegal transitions with conflict and requires a resolution note', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      await expect(kit.service.actions.reopen(kit.tech, ticketId)).rejects.toMatchObject({ code: 'conflict' });
      await expect(kit.service.actions.setStatus(kit.tech, ticketId, 'resolved', undefined)).rejects.toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('resolution note') });
      await expect(kit.service.actions.setStatus(kit.tech, ticketId, 'closed', undefined)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('closed only by merge') });
      await kit.service.actions.resolve(kit.tech, ticketId, 'Replaced the toner.');
      await kit.service.actions.setStatus(kit.tech, ticketId, 'closed', undefined);
      await expect(kit.service.actions.reply(kit.tech, ticketId, 'hello?')).rejects.toMatchObject({ code: 'conflict' });
      const detail = await kit.service.queries.detail(kit.tech, ticketId);
      expect(detail.ticket).toMatchObject({ status: 'closed', sla: { state: 'met' } });
    }));

  it('pending pauses the SLA clock and a reply from the employee resumes it', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit); // P2: resolution 8 business hours → 17:00
      await kit.service.actions.setStatus(kit.tech, ticketId, 'pending', 'Which printer?');
      kit.clock.advance(2 * H);
      expect((await kit.service.queries.detail(kit.tech, ticketId)).ticket.sla).toMatchObject({ state: 'paused', resolutionDueAt: null });
      const effects = noEffects();
      const at = kit.clock.clock();
      const reply = await kit.store.transaction((tx) => kit.service.intake.agentReplyIn(tx, kit.deviceId, { id: kit.service.deps.newId(), ticketId, body: 'Second floor', sentAt: at.toISOString() }, at, effects));
      expect(reply).toEqual({ ok: true, data: { ticketId } });
      const detail = await kit.service.queries.detail(kit.tech, ticketId);
      expect(detail.ticket.status).toBe('open');
      // Two hours paused: due moves from 17:00 to 19:00 → past 18:00 closing, so 09:00 next day.
      expect(detail.ticket.sla.resolutionDueAt).toBe('2025-03-05T09:00:00.000Z');
    }));

  it('records an SLA breach once, with an event and a hub alert', () =>
    withKit(
      async (kit) => {
        const { ticketId } = await fromAgent(kit); // P2: first response due 10:00
        kit.clock.advance(50 * MIN);
        expect((await kit.service.queries.detail(kit.tech, ticketId)).ticket.sla.state).toBe('breaching-soon');
        expect(await kit.service.jobs.tick()).toEqual({ closed: 0, breaches: 0 });
        kit.clock.advance(11 * MIN);
        expect(await kit.service.jobs.tick()).toEqual({ closed: 0, breaches: 1 });
        expect(await kit.service.jobs.tick()).toEqual({ closed: 0, breaches: 0 });
        expect(kit.breaches.map((b) => b.which)).toEqual(['first-response']);
        const detail = await kit.service.queries.detail(kit.tech, ticketId);
        expect(detail.ticket.sla.state).toBe('breached');
        expect(detail.events.filter((e) => e.type === 'sla-breached')).toHaveLength(1);
      },
      { withAlerts: true },
    ));

  it('closes a resolved ticket nobody confirmed after seven working days (weekends skipped)', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      // Resolved Tuesday 4 March 09:00 UTC; working days Wed…Fri, Mon…Thu: closes Thursday 13 March at 18:00.
      await kit.service.actions.resolve(kit.tech, ticketId, 'Fixed');
      kit.clock.advance(Date.parse('2025-03-13T17:59:00Z') - kit.clock.clock().getTime());
      expect((await kit.service.jobs.tick()).closed).toBe(0);
      kit.clock.advance(2 * MIN);
      expect((await kit.service.jobs.tick()).closed).toBe(1);
      expect((await kit.store.tickets.findById(ticketId))?.status).toBe('closed');
      expect(kit.pushed.at(-1)?.ticket.status).toBe('closed');
    }));

  it('a reply reopens a resolved ticket; a reply to a closed one opens a follow-up', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      await kit.service.actions.resolve(kit.tech, ticketId, 'Fixed');
      const reply = (body: string) => {
        const at = kit.clock.clock();
        return kit.store.transaction((tx) => kit.service.intake.agentReplyIn(tx, kit.deviceId, { id: kit.service.deps.newId(), ticketId, body, sentAt: at.toISOString() }, at, noEffects()));
      };
      expect(await reply('Still broken')).toEqual({ ok: true, data: { ticketId } });
      expect((await kit.store.tickets.findById(ticketId))?.status).toBe('open');
      await kit.service.actions.resolve(kit.tech, ticketId, 'Really fixed');
      await kit.service.actions.setStatus(kit.tech, ticketId, 'closed', undefined);
      const followUp = await reply('It broke again');
      expect(followUp.ok && followUp.data.ticketId).not.toBe(ticketId);
      const created = followUp.ok ? await kit.store.tickets.findById(followUp.data.ticketId) : undefined;
      expect(created).toMatchObject({ subject: 'Follow-up to #1: Printer jams', description: 'It broke again', deviceId: kit.deviceId, status: 'new' });
      expect((await kit.store.tickets.findById(ticketId))?.status).toBe('closed');
    }));

  it('refuses a reply to another device’s ticket', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      const at = kit.clock.clock();
      const ack = await kit.store.transaction((tx) => kit.service.intake.agentReplyIn(tx, 'another-device', { id: kit.service.deps.newId(), ticketId, body: 'x', sentAt: at.toISOString() }, at, noEffects()));
      expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }));

  it('merges a duplicate: closed with a link, its thread in the target’s history', () =>
    withKit(async (kit) => {
      const a = await fromAgent(kit);
      const b = await fromAgent(kit, { subject: 'Printer again' });
      await kit.service.actions.merge(kit.tech, b.ticketId, a.ticketId);
      expect(await kit.store.tickets.findById(b.ticketId)).toMatchObject({ status: 'closed', mergedIntoId: a.ticketId });
      const detail = await kit.service.queries.detail(kit.tech, a.ticketId);
      expect(detail.events.filter((e) => e.ticketId === b.ticketId).map((e) => e.type)).toEqual(['created', 'merged']);
      await expect(kit.service.actions.merge(kit.tech, a.ticketId, b.ticketId)).rejects.toMatchObject({ code: 'conflict' });
    }));

  it('assigns, escalates with a hand-off note, logs time and links alerts', () =>
    withKit(
      async (kit) => {
        const { ticketId } = await fromAgent(kit);
        await kit.service.actions.assign(kit.tech, ticketId, kit.tech.userId);
        expect((await kit.service.queries.list(kit.tech, { assignee: 'me' })).tickets.map((t) => t.assigneeName)).toEqual(['Tina Tech']);
        await kit.service.actions.escalate(kit.tech, ticketId, 2, 'Needs the print server admin');
        await kit.service.actions.logTime(kit.tech, ticketId, 25);
        await kit.service.actions.linkAlert(kit.tech, ticketId, KNOWN_ALERT);
        await expect(kit.service.actions.linkAlert(kit.tech, ticketId, kit.service.deps.newId())).rejects.toMatchObject({ code: 'not_found' });
        const { ticket, events } = await kit.service.queries.detail(kit.tech, ticketId);
        expect(ticket).toMatchObject({ tier: 2, assigneeId: null, timeSpentMinutes: 25, linkedAlertIds: [KNOWN_ALERT] });
        expect(events.find((e) => e.type === 'escalated')).toMatchObject({ from: '1', to: '2', body: 'Needs the print server admin', visibility: 'internal' });
      },
      { withAlerts: true },
    ));

  it('groups three reports of one category from one site within 30 minutes into an incident', () =>
    withKit(async (kit) => {
      const pcs = [kit.deviceId];
      for (const hostname of ['PC-2', 'PC-3']) {
        const id = kit.service.deps.newId();
        await kit.store.devices.create({ id, siteId: kit.siteId, machineId: id, hostname, keyHash: 'b'.repeat(64), enrolledAt: kit.clock.clock() });
        pcs.push(id);
      }
      const first = await fromAgent(kit, { category: 'network' }, pcs[0]);
      kit.clock.advance(10 * MIN);
      await fromAgent(kit, { category: 'email' }, pcs[1]);
      const second = await fromAgent(kit, { category: 'network' }, pcs[1]);
      // The same PC again is not a third reporter.
      await fromAgent(kit, { category: 'network' }, pcs[1]);
      expect(await kit.service.incidents.list(kit.tech)).toEqual([]);
      kit.clock.advance(10 * MIN);
      const third = await fromAgent(kit, { category: 'network' }, pcs[2]);
      const [incident] = await kit.service.incidents.list(kit.tech);
      expect(incident?.ticketIds).toHaveLength(4);
      expect(incident?.ticketIds).toEqual(expect.arrayContaining([first.ticketId, second.ticketId, third.ticketId]));
      // Past the 30-minute window, a new report starts over rather than joining.
      kit.clock.advance(31 * MIN);
      const late = await fromAgent(kit, { category: 'network' }, pcs[0]);
      expect((await kit.store.tickets.findById(late.ticketId))?.incidentId).toBeNull();
      await kit.service.incidents.reply(kit.tech, incident?.id ?? '', 'We know; the switch is being replaced.');
      for (const id of incident?.ticketIds ?? []) expect((await kit.store.tickets.findById(id))?.status).toBe('open');
      const resolved = await kit.service.incidents.resolve(kit.tech, incident?.id ?? '', 'Switch replaced.');
      expect(resolved.status).toBe('resolved');
      for (const id of incident?.ticketIds ?? []) expect((await kit.store.tickets.findById(id))?.status).toBe('resolved');
    }));

  it('groups reports from one /24 of one site, naming the network', () =>
    withKit(async (kit) => {
      const ids: string[] = [];
      for (const i of [0, 1, 2]) {
        const id = kit.service.deps.newId();
        await kit.store.devices.create({ id, siteId: kit.otherSiteId, machineId: id, hostname: `NET-${i}`, keyHash: 'c'.repeat(64), enrolledAt: kit.clock.clock() });
        await kit.store.devices.updateSummary(id, `NET-${i}`, { ip: `10.0.4.${10 + i}` });
        ids.push((await fromAgent(kit, { category: 'email' }, id)).ticketId);
      }
      const [incident] = await kit.service.incidents.list(kit.tech);
      expect(incident).toMatchObject({ network: '10.0.4.0/24', category: 'email', status: 'open', siteId: kit.otherSiteId });
      expect(incident?.ticketIds.sort()).toEqual(ids.sort());
    }));

  it('hides tickets of other sites from a scoped technician', () =>
    withKit(async (kit) => {
      const { ticketId } = await fromAgent(kit);
      const scoped = { ...kit.tech, siteIds: [kit.otherSiteId] };
      await expect(kit.service.queries.detail(scoped, ticketId)).rejects.toMatchObject({ code: 'not_found' });
      await expect(kit.service.actions.reply(scoped, ticketId, 'x')).rejects.toMatchObject({ code: 'not_found' });
      expect((await kit.service.queries.list(scoped, {})).tickets).toEqual([]);
    }));

  it('sorts the queue by priority, then SLA due time', () =>
    withKit(async (kit) => {
      const p4 = await fromAgent(kit, { impact: 'low', urgency: 'low' });
      const p2a = await fromAgent(kit, { impact: 'high', urgency: 'medium' });
      kit.clock.advance(MIN);
      const p1 = await fromAgent(kit, { impact: 'high', urgency: 'high' });
      const p2b = await fromAgent(kit, { impact: 'medium', urgency: 'high' });
      expect((await kit.service.queries.list(kit.tech, {})).tickets.map((t) => t.id)).toEqual([p1.ticketId, p2a.ticketId, p2b.ticketId, p4.ticketId]);
    }));
});
