import type { ConsoleToHubEvents, HubToConsoleEvents, Ticket } from '@deskside/protocol';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { connectFleetFeed } from './socket.js';
import { watchTickets } from './tickets-feed.js';
import { makeTicket } from '../state/test-tickets.js';

// A real socket.io server on port 0 playing the hub's /console namespace, tickets included.
type HubSocket = ServerSocket<ConsoleToHubEvents, HubToConsoleEvents>;
const TOKEN = 'good-token-123456';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function startHub(answer: () => unknown) {
  const server = new Server<ConsoleToHubEvents, HubToConsoleEvents>();
  const harness = { url: '', sockets: [] as HubSocket[], watches: 0 };
  const ns = server.of('/console');
  ns.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    if (auth.token !== TOKEN) return next(Object.assign(new Error('no'), { data: { code: 'unauthorized', message: 'no' } }));
    next();
  });
  ns.on('connection', (socket) => {
    harness.sockets.push(socket);
    socket.on('fleet:watch', (ack) => ack({ ok: true, data: { devices: [] } }));
    socket.on('tickets:watch', (ack) => {
      harness.watches += 1;
      (ack as (value: unknown) => void)(answer());
    });
  });
  server.listen(0);
  harness.url = `http://127.0.0.1:${(server.httpServer.address() as { port: number }).port}`;
  cleanups.push(() => void server.close());
  return harness;
}

function recorder() {
  const log = { snapshots: [] as Ticket[][], changed: [] as Ticket[][], errors: [] as (string | null)[], invalid: [] as [string, number][] };
  const handlers = {
    onSnapshot: (t: Ticket[]) => void log.snapshots.push(t),
    onChanged: (t: Ticket[]) => void log.changed.push(t),
    onError: (m: string | null) => void log.errors.push(m),
    onInvalidPayload: (e: string, n: number) => void log.invalid.push([e, n]),
  };
  return { log, handlers };
}

function openShared(url: string, handlers: ReturnType<typeof recorder>['handlers'], retryMs?: number) {
  const fleet = connectFleetFeed({
    url,
    token: TOKEN,
    handlers: { onState: () => undefined, onSnapshot: () => undefined, onChanged: () => undefined, onRemoved: () => undefined, onSessionEnded: () => undefined },
  });
  const feed = watchTickets({ socket: fleet.socket, handlers, ...(retryMs === undefined ? {} : { retryMs }) });
  cleanups.push(() => fleet.close());
  return feed;
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('watchTickets', () => {
  it('takes the snapshot on the shared socket and forwards validated changes only', async () => {
    const ticket = makeTicket();
    const hub = await startHub(() => ({ ok: true, data: { tickets: [ticket, { id: 'bad' }] } }));
    const { log, handlers } = recorder();
    openShared(hub.url, handlers);
    await until(() => log.snapshots.length === 1);
    expect(log.snapshots[0]).toEqual([ticket]);
    expect(log.invalid).toEqual([['tickets:watch', 1]]);
    const changed = { ...ticket, status: 'open' as const, subject: '<img src=x onerror=alert(1)>' };
    hub.sockets[0]?.emit('tickets:changed', { tickets: [changed, { ...ticket, priority: 'P9' } as unknown as Ticket] });
    await until(() => log.changed.length === 1);
    expect(log.changed[0]).toEqual([changed]);
    expect(log.invalid).toEqual([['tickets:watch', 1], ['tickets:changed', 1]]);
  });

  it('watches again after a reconnection, so tickets created in the gap appear', async () => {
    let tickets: Ticket[] = [makeTicket()];
    const hub = await startHub(() => ({ ok: true, data: { tickets } }));
    const { log, handlers } = recorder();
    openShared(hub.url, handlers);
    await until(() => log.snapshots.length === 1);
    tickets = [...tickets, makeTicket()];
    hub.sockets[0]?.conn.close();
    await until(() => log.snapshots.length === 2, 8000);
    expect(log.snapshots[1]).toHaveLength(2);
    expect(hub.watches).toBe(2);
  });

  it('reports a refusal, retries, and stops listening once closed', async () => {
    let answer: unknown = { ok: false, error: { code: 'internal', message: 'database busy' } };
    const hub = await startHub(() => answer);
    const { log, handlers } = recorder();
    const feed = openShared(hub.url, handlers, 50);
    await until(() => log.errors.includes('database busy'));
    answer = { ok: true, data: { tickets: [] } };
    await until(() => log.snapshots.length === 1);
    feed.close();
    hub.sockets[0]?.emit('tickets:changed', { tickets: [makeTicket()] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.changed).toEqual([]);
  });
});
