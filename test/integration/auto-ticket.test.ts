// Issue 4's proof for automatic tickets: the built hub process, real SQLite in a temp dir, agents
// speaking the real protocol over socket.io (SimulatedAgent) and a technician console watching
// the alert and ticket feeds. A policy naming a check in `autoTicketChecks` turns that check's
// CRITICAL alerts into exactly one ticket each; warnings, other checks, devices outside an
// overriding group and devices in maintenance get none.
//
// Proving that something did NOT happen without sleeping: the hub opens tickets after the alert's
// commit, asynchronously. Each negative case is followed by a "barrier" — a fresh critical alert of
// a listed check — and the test waits for the barrier's ticket. The hub's SQLite queries run one
// at a time in the order issued, so by the time the barrier's ticket exists, the decision about
// every earlier alert has been made and any ticket it opened is visible too.
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import {
  AlertEventSchema,
  AlertSchema,
  DEFAULT_HEALTH_POLICY,
  GroupSchema,
  TicketDetailSchema,
  TicketListResponseSchema,
  type AlertRaise,
  type Ticket,
} from '@deskside/protocol';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsWatch } from '../support/alerts-watch.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { TicketsWatch } from '../support/tickets-watch.js';

const AlertDetailSchema = z.object({ alert: AlertSchema, events: z.array(AlertEventSchema) });
type Raise = Omit<AlertRaise, 'id' | 'observedAt'>;

describe('automatic tickets for critical alerts, end to end', () => {
  let hub: TestHub;
  let token: string;
  let alerts: AlertsWatch;
  let tickets: TicketsWatch;
  const agents: SimulatedAgent[] = [];
  let pcA: SimulatedAgent;
  let server: SimulatedAgent;
  let pcMaint: SimulatedAgent;
  let barriers = 0;

  const api = async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(hub.url + pathname, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ticketsOf = async (deviceId: string): Promise<Ticket[]> => {
    const res = await api('GET', `/api/v1/tickets?deviceId=${deviceId}`);
    expect(res.status).toBe(200);
    return TicketListResponseSchema.parse(res.body).tickets;
  };
  const alertDetail = async (id: string) => AlertDetailSchema.parse((await api('GET', `/api/v1/alerts/${id}`)).body);

  const enrol = async (n: number, hostname: string) => {
    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `auto-ticket-machine-${n}-0123456789`, hostname });
    agents.push(agent);
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(11, n);
    if (inventory.os) inventory.os.hostname = hostname;
    await agent.sendInventory(inventory);
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
    return agent;
  };
  const raise = async (agent: SimulatedAgent, alert: Raise) => {
    const ack = await agent.raiseAlert(alert);
    if (!ack.ok) throw new Error(`alert:raise refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  };
  const critical = (check: string, subject: string, value: number): Raise => ({
    check, subject, severity: 'critical', message: `${subject || check} is at ${value}`, value, threshold: 10,
  });

  /** A fresh listed critical alert on PC-A; resolves once its ticket was pushed (see the top comment). */
  const barrier = async () => {
    const subject = `/barrier-${++barriers}`;
    const { alertId } = await raise(pcA, critical('disk-free', subject, 1));
    return tickets.until((t) => alertId !== null && t.linkedAlertIds.includes(alertId), 30_000, `the ticket of barrier ${subject}`);
  };

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    const put = await api('PUT', '/api/v1/policies/health', { ...DEFAULT_HEALTH_POLICY, autoTicketChecks: ['disk-free', 'smart-failing'] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ policy: { autoTicketChecks: ['disk-free', 'smart-failing'] } });

    pcA = await enrol(1, 'AT-PC-A');
    server = await enrol(2, 'AT-SRV-01');
    pcMaint = await enrol(3, 'AT-PC-MAINT');

    // The servers group: its department, and an override that tickets memory pressure instead.
    expect((await api('PATCH', `/api/v1/devices/${server.deviceId}`, { department: 'Servers' })).status).toBe(200);
    const created = await api('POST', '/api/v1/groups', { name: 'Servers', kind: 'department', filter: { department: 'Servers' } });
    expect(created.status).toBe(201);
    const group = GroupSchema.parse(created.body);
    const override = await api('PUT', `/api/v1/groups/${group.id}/health-policy`, { autoTicketChecks: ['memory-pressure'] });
    expect(override.status).toBe(200);

    alerts = new AlertsWatch(hub.url, token);
    tickets = new TicketsWatch(hub.url, token);
    await Promise.all([alerts.watch(), tickets.watch()]);
  });

  afterAll(async () => {
    for (const a of agents) a.close();
    alerts?.close();
    tickets?.close();
    await hub?.cleanup();
  });

  it('a critical alert of a listed check opens one ticket, linked both ways, shown live', async () => {
    const raised = await raise(pcA, critical('disk-free', '/data', 3));
    expect(raised.state).toBe('open');
    const alertId = raised.alertId ?? '';

    // Live: the ticket in the ticket feed, the alert's link in the alert feed.
    const live = await tickets.until((t) => t.linkedAlertIds.includes(alertId), 30_000, 'the automatic ticket');
    const linked = await alerts.until((a) => a.id === alertId && a.ticketId !== null, 30_000, 'the alert linked to its ticket');
    expect(linked.ticketId).toBe(live.id);
    expect(tickets.pushed).toContain(live.id);

    // Over HTTP: exactly one ticket for the device, with what a technician needs to act on it.
    const list = await ticketsOf(pcA.deviceId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: live.id,
      subject: 'Alert: /data is at 3',
      category: 'hardware',
      impact: 'medium',
      urgency: 'high',
      priority: 'P2',
      status: 'new',
      deviceId: pcA.deviceId,
      hostname: 'AT-PC-A',
      requester: { name: 'Deskside alerts' },
      linkedAlertIds: [alertId],
    });
    const detail = TicketDetailSchema.parse((await api('GET', `/api/v1/tickets/${live.id}`)).body);
    expect(detail.ticket.description).toContain('disk-free: /data');
    expect(detail.events.map((e) => e.type)).toContain('created');

    const { alert, events } = await alertDetail(alertId);
    expect(alert).toMatchObject({ state: 'open', severity: 'critical', ticketId: live.id });
    expect(events.map((e) => `${e.action}:${e.actor.type}`)).toEqual(['raised:agent', 'ticket-linked:hub']);
    expect(events[1]?.details).toContain(live.id);
  });

  it('the same alert updated or re-raised opens no second ticket', async () => {
    const first = (await ticketsOf(pcA.deviceId))[0];
    const again = await raise(pcA, critical('disk-free', '/data', 2));
    expect(again.state).toBe('open');
    await alerts.until((a) => a.id === again.alertId && a.value === 2, 30_000, 'the update');
    // An identical re-raise (a retry under a new message id) changes nothing.
    await raise(pcA, critical('disk-free', '/data', 2));
    await barrier();

    const list = await ticketsOf(pcA.deviceId);
    expect(list.filter((t) => t.linkedAlertIds.includes(again.alertId ?? ''))).toEqual([expect.objectContaining({ id: first?.id })]);
    expect(list).toHaveLength(2); // /data and the barrier
    expect((await alertDetail(again.alertId ?? '')).events.filter((e) => e.action === 'ticket-linked')).toHaveLength(1);
  });

  it('a warning opens none; the same alert escalating to critical opens one', async () => {
    const before = (await ticketsOf(pcA.deviceId)).length;
    const warning = await raise(pcA, { ...critical('disk-free', '/home', 8), severity: 'warning' });
    await barrier();
    expect(await ticketsOf(pcA.deviceId)).toHaveLength(before + 1); // the barrier's only
    expect((await alertDetail(warning.alertId ?? '')).alert.ticketId).toBeNull();

    // Disks fill gradually: warning first, critical later. The critical alert gets its ticket.
    await raise(pcA, critical('disk-free', '/home', 4));
    const live = await tickets.until((t) => t.linkedAlertIds.includes(warning.alertId ?? ''), 30_000, 'the ticket of the escalated alert');
    await alerts.until((a) => a.id === warning.alertId && a.ticketId === live.id, 30_000, 'the escalated alert linked');
    expect(await ticketsOf(pcA.deviceId)).toHaveLength(before + 2);
  });

  it('a critical alert of a check the policy does not list opens none', async () => {
    const before = (await ticketsOf(pcA.deviceId)).length;
    const mem = await raise(pcA, critical('memory-pressure', '', 97));
    expect(mem.state).toBe('open');
    await barrier();
    expect(await ticketsOf(pcA.deviceId)).toHaveLength(before + 1);
    expect((await alertDetail(mem.alertId ?? '')).alert.ticketId).toBeNull();
  });

  it("a group's override applies to that group's devices only", async () => {
    // The override lists memory-pressure (and, replacing the list, not disk-free) for the servers.
    const mem = await raise(server, critical('memory-pressure', '', 98));
    const live = await tickets.until((t) => t.linkedAlertIds.includes(mem.alertId ?? ''), 30_000, "the server's memory ticket");
    expect(live).toMatchObject({ deviceId: server.deviceId, hostname: 'AT-SRV-01' });

    const disk = await raise(server, critical('disk-free', '/var', 2));
    await barrier();
    const list = await ticketsOf(server.deviceId);
    expect(list.map((t) => t.id)).toEqual([live.id]);
    expect((await alertDetail(disk.alertId ?? '')).alert.ticketId).toBeNull();
  });

  it('maintenance silences the alert and opens no ticket; when it ends the still-active alert gets one', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    const maint = await api('POST', `/api/v1/devices/${pcMaint.deviceId}/maintenance`, { until });
    expect(maint.status).toBe(200);

    const silenced = await raise(pcMaint, critical('disk-free', 'C:', 1));
    expect(silenced.state).toBe('snoozed');
    await barrier();
    expect(await ticketsOf(pcMaint.deviceId)).toHaveLength(0);
    const during = await alertDetail(silenced.alertId ?? '');
    expect(during.alert).toMatchObject({ state: 'snoozed', ticketId: null });
    expect(during.events.map((e) => e.action)).toEqual(['raised']);

    // Maintenance ends early with the disk still full: the alert opens and now gets its ticket.
    expect((await api('POST', `/api/v1/devices/${pcMaint.deviceId}/maintenance`, { until: null })).status).toBe(200);
    const live = await tickets.until((t) => t.linkedAlertIds.includes(silenced.alertId ?? ''), 30_000, 'the ticket after maintenance');
    await alerts.until((a) => a.id === silenced.alertId && a.state === 'open' && a.ticketId === live.id, 30_000, 'the reopened alert linked');
    expect(await ticketsOf(pcMaint.deviceId)).toHaveLength(1);
  });
});
