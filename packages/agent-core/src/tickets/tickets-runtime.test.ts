import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monotonicIds, type EmployeeTicket, type InventoryDocument, type MetricsSample } from '@deskside/protocol';
import { enroll } from '../connection/enroll.js';
import { connectToHub } from '../connection/hub-connection.js';
import { AgentStateStore } from '../identity/agent-state.js';
import { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { Outbox } from '../outbox/outbox.js';
import { OutboxAppender } from '../outbox/outbox-appender.js';
import { AgentRuntime } from '../runtime/agent-runtime.js';
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import { ManualClock } from '../util/clock.js';
import { silentLogger } from '../util/logger.js';
import { fakeProbes } from './testing/fake-probes.js';
import { TicketDesk } from './ticket-desk.js';
import { MyTicketsStore } from './my-tickets-store.js';
import { TicketQueue, type TicketDraft } from './ticket-queue.js';
import type { TicketChangeEvent } from './ticket-sync.js';

const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const SAMPLE: MetricsSample = { cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: 3, diskTotalBytes: 4, uptimeSeconds: 5 };
const DOC: InventoryDocument = { schemaVersion: 1, collectedAt: new Date().toISOString(), agentVersion: '0.1.0', probes: [] };
const DRAFT: TicketDraft = {
  subject: 'Printer jams',
  description: 'The 2nd floor printer jams on every page.',
  category: 'printer',
  impact: 'medium',
  urgency: 'high',
  diagnostics: null,
  screenshot: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
};

let hub: LocalHub;
let stateDir: string;
const runtimes: AgentRuntime[] = [];

beforeEach(async () => {
  hub = await startLocalHub();
  stateDir = await mkdtemp(join(tmpdir(), 'agent-tickets-'));
});

afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop('test over');
  await hub.close();
});

async function makeRuntime() {
  const clock = new ManualClock(Date.now());
  const outbox = await Outbox.open(join(stateDir, 'outbox'));
  const desk = new TicketDesk({
    stateDir,
    outbox,
    now: () => clock.now(),
    newId: monotonicIds(() => clock.now()),
    requester: () => ({ name: 'alice', username: 'alice', email: null }),
    hostname: () => 'test-pc',
    probes: fakeProbes(),
    logger: silentLogger,
  });
  const runtime = new AgentRuntime({
    clock,
    logger: silentLogger,
    stateStore: new AgentStateStore(stateDir, silentLogger),
    ackedInventory: new AckedInventoryStore(stateDir),
    outbox,
    collectInventory: () => Promise.resolve(DOC),
    sampleMetrics: () => Promise.resolve(SAMPLE),
    connect: connectToHub,
    enroll,
    machineId: () => Promise.resolve('tickets-machine-01'),
    hostname: () => 'test-pc',
    sendTimeoutMs: 2_000,
    tickets: desk,
  });
  const changes: TicketChangeEvent[] = [];
  desk.onChange((e) => changes.push(e));
  runtimes.push(runtime);
  return { runtime, desk, outbox, clock, changes };
}

const connected = (runtime: AgentRuntime) => eventually(() => expect(runtime.status().phase).toBe('connected'));

describe('tickets through the runtime and a real socket.io hub', { timeout: 30_000 }, () => {
  it('sends a ticket once, with its id as the idempotency key, and records the hub number', async () => {
    const { runtime, desk, outbox, changes } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    const queued = await desk.create(DRAFT);
    expect(queued).toMatchObject({ delivery: 'queued', status: 'new', number: null, priority: 'P2' });
    await eventually(() => expect(hub.ticketCreates.map((t) => t.id)).toEqual([queued.id]));
    await eventually(async () => expect((await desk.list())[0]).toMatchObject({ id: queued.id, delivery: 'sent', number: 1 }));
    expect(hub.ticketCreates[0]?.requester.username).toBe('alice');
    expect(hub.ticketCreates[0]?.screenshot?.mediaType).toBe('image/png');
    expect(changes.map((c) => c.change)).toEqual(['queued', 'delivered']);
    expect(outbox.size()).toBe(0);
  });

  it('queues while the hub is unreachable and delivers exactly once when it is back', async () => {
    const { runtime, desk, clock } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    const url = hub.url;
    await hub.close();
    await eventually(() => expect(runtime.status().phase).toBe('offline'));
    const queued = await desk.create(DRAFT);
    expect((await desk.list())[0]?.delivery).toBe('queued');
    expect(await desk.hasOpenTicket()).toBe(true);
    // A new hub on the same port (the agent reconnects to the same URL).
    hub = await startLocalHub({ port: Number(new URL(url).port), deviceKey: hub.deviceKey });
    // The hub hung up on purpose, so the retry runs on the agent's (manual) clock.
    clock.advance(60_000);
    await eventually(() => expect(hub.ticketCreates).toHaveLength(1));
    await eventually(async () => expect((await desk.list())[0]?.delivery).toBe('sent'));
    expect(hub.ticketCreates[0]?.id).toBe(queued.id);
  });

  it('keeps a ticket the hub does not handle yet, without blocking heartbeats', async () => {
    hub.ticketsSupported = false;
    const { runtime, desk, outbox, clock } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    await desk.create(DRAFT);
    const before = hub.heartbeatsReceived.length;
    clock.advance(1_000);
    await eventually(() => expect(hub.heartbeatsReceived.length).toBeGreaterThan(before));
    // The hub records a heartbeat before its ack reaches the agent, which only then drops it from
    // the outbox: wait for that, then only the ticket may be left.
    await eventually(() => expect(outbox.size()).toBe(1));
    expect((await desk.list())[0]?.delivery).toBe('queued');
  });

  it('applies ticket:updated pushes, notifies a technician reply, and ignores malformed ones', async () => {
    const { runtime, desk, changes } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    const queued = await desk.create(DRAFT);
    await eventually(async () => expect((await desk.list())[0]?.delivery).toBe('sent'));
    const stored = hub.tickets.get(queued.id) as EmployeeTicket;
    const answered: EmployeeTicket = {
      ...stored,
      status: 'open',
      updatedAt: new Date().toISOString(),
      messages: [...stored.messages, { id: monotonicIds(Date.now)(), at: new Date().toISOString(), from: 'technician', author: 'Bob (IT)', body: 'Try the tray 2.' }],
    };
    for (const socket of hub.sockets()) {
      socket.emit('ticket:updated', { ...answered, status: 'exploded' } as unknown as EmployeeTicket);
      socket.emit('ticket:updated', answered);
    }
    await eventually(() => expect(changes.some((c) => c.change === 'reply')).toBe(true));
    const mine = (await desk.list())[0];
    expect(mine?.status).toBe('open');
    expect(mine?.messages.map((m) => m.body)).toContain('Try the tray 2.');
  });

  it('loads My tickets on connect and sends a reply that the hub threads', async () => {
    const { runtime, desk } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    const queued = await desk.create(DRAFT);
    await eventually(async () => expect((await desk.list())[0]?.delivery).toBe('sent'));
    const withReply = await desk.reply(queued.id, 'Still jamming.');
    expect(withReply.messages.at(-1)).toMatchObject({ body: 'Still jamming.', pending: true });
    await eventually(() => expect(hub.tickets.get(queued.id)?.messages.map((m) => m.body)).toContain('Still jamming.'));
    // A second runtime on the same state dir learns the hub's thread from tickets:mine.
    await runtime.stop('restart');
    const second = await makeRuntime();
    await second.runtime.start({});
    await connected(second.runtime);
    await eventually(async () => {
      const mine = (await second.desk.list())[0];
      expect(mine?.messages.filter((m) => m.body === 'Still jamming.')).toEqual([expect.objectContaining({ pending: false })]);
    });
  });

  it('picks up a ticket another process appended to the outbox directory', async () => {
    const { runtime, clock } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await connected(runtime);
    const cli = new TicketQueue({
      outbox: new OutboxAppender(join(stateDir, 'outbox')),
      store: new MyTicketsStore(stateDir),
      now: Date.now,
      newId: monotonicIds(Date.now),
      requester: () => ({ name: 'bob', username: 'bob', email: null }),
    });
    const queued = await cli.create({ ...DRAFT, screenshot: null });
    clock.advance(1_000);
    await eventually(() => expect(hub.ticketCreates.map((t) => t.id)).toEqual([queued.id]));
    await eventually(async () => expect((await readdir(join(stateDir, 'outbox'))).filter((n) => n.endsWith('.json'))).toHaveLength(0));
    clock.advance(1_000);
    clock.advance(1_000);
    await eventually(() => expect(hub.heartbeatsReceived.length).toBeGreaterThan(2));
    expect(hub.ticketCreates).toHaveLength(1);
  });
});
