import type { ConsoleToHubEvents, DeviceSummary, HubToConsoleEvents } from '@deskside/protocol';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { connectFleetFeed, type ConnectionState, type FleetFeed } from './socket.js';
import { makeDevice } from '../state/test-devices.js';

// A real socket.io server on port 0 playing the hub's /console namespace.
type HubSocket = ServerSocket<ConsoleToHubEvents, HubToConsoleEvents>;

interface Harness {
  url: string;
  server: Server<ConsoleToHubEvents, HubToConsoleEvents>;
  sockets: HubSocket[];
  watches: number;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function startHub(snapshot: () => DeviceSummary[], acceptToken = 'good-token-123456'): Promise<Harness> {
  const server = new Server<ConsoleToHubEvents, HubToConsoleEvents>();
  const harness: Harness = { url: '', server, sockets: [], watches: 0 };
  const ns = server.of('/console');
  ns.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; protocolVersion?: unknown };
    if (auth.protocolVersion !== 1) {
      const error = Object.assign(new Error('upgrade'), { data: { code: 'protocol_unsupported', message: 'upgrade' } });
      return next(error);
    }
    if (auth.token !== acceptToken) {
      const error = Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'bad token' } });
      return next(error);
    }
    next();
  });
  ns.on('connection', (socket) => {
    harness.sockets.push(socket);
    socket.on('fleet:watch', (ack) => {
      harness.watches += 1;
      ack({ ok: true, data: { devices: snapshot() } });
    });
  });
  server.listen(0);
  const port = (server.httpServer.address() as { port: number }).port;
  harness.url = `http://127.0.0.1:${port}`;
  cleanups.push(() => void server.close());
  return harness;
}

function recorder() {
  const log = {
    states: [] as ConnectionState[],
    snapshots: [] as DeviceSummary[][],
    changed: [] as DeviceSummary[][],
    removed: [] as string[][],
    ended: [] as string[],
    invalid: [] as [string, number][],
  };
  const handlers = {
    onState: (s: ConnectionState) => void log.states.push(s),
    onSnapshot: (d: DeviceSummary[]) => void log.snapshots.push(d),
    onChanged: (d: DeviceSummary[]) => void log.changed.push(d),
    onRemoved: (ids: string[]) => void log.removed.push(ids),
    onSessionEnded: (r: string) => void log.ended.push(r),
    onInvalidPayload: (e: string, n: number) => void log.invalid.push([e, n]),
  };
  return { log, handlers };
}

function open(url: string, token: string, handlers: ReturnType<typeof recorder>['handlers']): FleetFeed {
  const feed = connectFleetFeed({ url, token, handlers });
  cleanups.push(() => feed.close());
  return feed;
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('connectFleetFeed', () => {
  it('watches on connect, then applies validated changes and removals', async () => {
    const device = makeDevice();
    const hub = await startHub(() => [device]);
    const { log, handlers } = recorder();
    open(hub.url, 'good-token-123456', handlers);
    await until(() => log.states.at(-1) === 'live');
    expect(log.snapshots).toEqual([[device]]);

    const changed = { ...device, status: 'overdue' as const };
    hub.sockets[0]?.emit('devices:changed', { devices: [changed, { ...device, hostname: 42 } as unknown as DeviceSummary] });
    hub.sockets[0]?.emit('devices:removed', { ids: [device.id] });
    await until(() => log.removed.length === 1);
    expect(log.changed).toEqual([[changed]]);
    expect(log.invalid).toEqual([['devices:changed', 1]]);
    expect(log.removed).toEqual([[device.id]]);
  });

  it('asks for a fresh snapshot after the hub drops the connection', async () => {
    let fleet = [makeDevice({ hostname: 'before' })];
    const hub = await startHub(() => fleet);
    const { log, handlers } = recorder();
    open(hub.url, 'good-token-123456', handlers);
    await until(() => log.snapshots.length === 1);
    fleet = [makeDevice({ hostname: 'after' })];
    hub.sockets[0]?.disconnect(true);
    await until(() => log.snapshots.length === 2, 8000);
    expect(log.states).toContain('reconnecting');
    expect(log.snapshots[1]?.map((d) => d.hostname)).toEqual(['after']);
    expect(hub.watches).toBe(2);
  });

  it('a refused token ends the session instead of retrying forever', async () => {
    const hub = await startHub(() => []);
    const { log, handlers } = recorder();
    open(hub.url, 'wrong-token-123456', handlers);
    await until(() => log.ended.length === 1);
    expect(log.ended).toEqual(['unauthorized']);
    expect(hub.watches).toBe(0);
  });

  it('session:ended from the hub ends the session', async () => {
    const hub = await startHub(() => []);
    const { log, handlers } = recorder();
    open(hub.url, 'good-token-123456', handlers);
    await until(() => log.states.at(-1) === 'live');
    hub.sockets[0]?.emit('session:ended', { reason: 'revoked' });
    await until(() => log.ended.length === 1);
    expect(log.ended).toEqual(['revoked']);
  });

  it('hands an expiry on as such (the app then says the session expired) and stops for good', async () => {
    const hub = await startHub(() => []);
    const { log, handlers } = recorder();
    const feed = open(hub.url, 'good-token-123456', handlers);
    await until(() => log.states.at(-1) === 'live');
    const socket = hub.sockets[0];
    socket?.emit('session:ended', { reason: 'expired' });
    socket?.disconnect();
    await until(() => log.ended.length === 1);
    expect(log.ended).toEqual(['expired']);
    // The hub's disconnect that follows is not retried: the console closed the feed itself.
    expect(feed.socket.active).toBe(false);
    expect(log.states).not.toContain('reconnecting');
  });
});
