// A ticket queued by the REAL agent while the hub is down arrives exactly once when the hub
// starts, and a technician's reply (HTTP) reaches the agent as a `ticket:updated` push.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EmployeeTicketSchema, TicketDetailSchema, TicketListResponseSchema } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startAgent, type TestAgent } from '../support/agent.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { agentBin } from '../support/paths.js';
import { startNode } from '../support/processes.js';

async function poll<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a ticket created while the hub is down', () => {
  let hub: TestHub;
  let agent: TestAgent;
  let token: string;

  beforeAll(async () => {
    hub = await startHub();
    agent = startAgent(hub.url, TEST_ENROLL_TOKEN, 'ticket-offline-machine-0001');
    await eventually(() => agent.deviceId());
    token = await hub.login();
  }, 60_000);

  afterAll(async () => {
    await agent?.process.stop();
    await hub?.cleanup();
  });

  it('arrives exactly once after the hub starts, and the reply reaches the agent', async () => {
    const deviceId = agent.deviceId();
    await hub.stop();

    const cli = startNode(agentBin, ['ticket', '--subject', 'Printer on fire', '--description', 'Smoke from tray 2', '--urgency', 'high', '--impact', 'medium', '--state-dir', agent.stateDir]);
    const queued = await cli.waitFor(/([0-9A-HJKMNP-TV-Z]{26}) queued/);
    expect(await poll(async () => cli.child.exitCode ?? undefined, 'the ticket command to exit')).toBe(0);
    const ticketId = queued[1] ?? '';

    await hub.restart();
    token = await hub.login();
    const list = async () => TicketListResponseSchema.parse((await hub.get('/api/v1/tickets', token)).body).tickets;
    const arrived = await poll(async () => (await list()).find((t) => t.id === ticketId), 'the queued ticket to arrive', 60_000);
    expect(arrived).toMatchObject({ subject: 'Printer on fire', deviceId, priority: 'P2', status: 'new', source: 'agent' });

    // Exactly once: one ticket, one `created` event, even after the agent's reconnect and retries settle.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await list()).filter((t) => t.subject === 'Printer on fire')).toHaveLength(1);
    const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
    expect(detail.events.filter((e) => e.type === 'created')).toHaveLength(1);

    const reply = await fetch(`${hub.url}/api/v1/tickets/${ticketId}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Unplug it, we are coming.' }),
    });
    expect(reply.status).toBe(200);

    // The agent writes what `ticket:updated` carried into its "My tickets" (no reconnect happened since).
    const local = path.join(agent.stateDir, 'tickets', `${ticketId}.json`);
    const hubView = await poll(async () => {
      const stored = JSON.parse(readFileSync(local, 'utf8')) as { hub: unknown };
      const parsed = EmployeeTicketSchema.nullable().parse(stored.hub);
      return parsed?.messages.some((m) => m.body === 'Unplug it, we are coming.') ? parsed : undefined;
    }, 'the agent to receive ticket:updated');
    expect(hubView).toMatchObject({ id: ticketId, status: 'open' });
    expect(hubView.messages.map((m) => m.from)).toEqual(['employee', 'technician']);
  }, 120_000);
});
