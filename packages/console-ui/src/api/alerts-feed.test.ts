import type { Alert, ConsoleToHubEvents, HubToConsoleEvents } from '@deskside/protocol';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { watchAlerts } from './alerts-feed.js';
import { connectFleetFeed } from './socket.js';
import { makeAlert } from '../state/test-alerts.js';

// A real socket.io server on port 0 playing the hub's /console namespace, alerts included.
type HubSocket = ServerSocket<ConsoleToHubEvents, HubToConsoleEvents>;
const TOKEN = 'good-token-123456';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

interface Harness {
  url: string;
  sockets: HubSocket[];
  connections: number;
  alertWatches: number;
}

async function startHub(answer: () => unknown): Promise<Harness> {
  const server = new Server<ConsoleToHubEvents, HubToConsoleEvents>();
  const harness: Harness = { url: '', sockets: [], connections: 0, alertWatches: 0 };
  const ns = server.of('/console');
  ns.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    if (auth.token !== TOKEN) return next(Object.assign(new Error('no'), { data: { code: 'unauthorized', message: 'no' } }));
    next();
  });
  ns.on('connection', (socket) => {
    harness.connections += 1;
    harness.sockets.push(socket);
    socket.on('fleet:watch', (ack) => ack({ ok: true, data: { devices: [] } }));
    socket.on('alerts:watch', (ack) => {
      harness.alertWatches += 1;
      (ack as (value: unknown) => void)(answer());
    });
  });
  server.listen(0);
  harness.url = `http://127.0.0.1:${(server.httpServer.address() as { port: number }).port}`;
  cleanups.push(() => void server.close());
  return harness;
}

function recorder() {
  const log = { snapshots: [] as Alert[][], changed: [] as Alert[][], errors: [] as (string | null)[], invalid: [] as [string, number][] };
  return {
    log,
    handlers: {
      onSnapshot: (a: Alert[]) => void log.snapshots.push(a),
      onChanged: (a: Alert[]) => void log.changed.push(a),
      onError: (m: string | null) => void log.errors.push(m),
      onInvalidPayload: (e: string, n: number) => void log.invalid.push([e, n]),
    },
  };
}

function openShared(hub: Harness, handlers: ReturnType<typeof recorder>['handlers'], retryMs?: number) {
  const fleet = connectFleetFeed({
    url: hub.url,
    token: TOKEN,
    handlers: { onState: () => undefined, onSnapshot: () => undefined, onChanged: () => undefined, onRemoved: () => undefined, onSessionEnded: () => undefined },
  });
  const alerts = watchAlerts({ socket: fleet.socket, handlers, ...(retryMs === undefined ? {} : { retryMs }) });
  cleanups.push(() => fleet.close());
  return { fleet, alerts };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('watchAlerts', () => {
  it('shares the fleet socket, takes the snapshot and forwards validated changes', async () => {
    const open = makeAlert();
    const hub = await startHub(() => ({ ok: true, data: { alerts: [open] } }));
    const { log, handlers } = recorder();
    openShared(hub, handlers);
    await until(() => log.snapshots.length === 1);
    expect(log.snapshots[0]).toEqual([open]);
    expect(log.errors).toEqual([null]);
    expect(hub.connections).toBe(1);

    const changed = { ...open, state: 'acknowledged' as const, acknowledgedBy: 'alice' };
    hub.sockets[0]?.emit('alerts:changed', { alerts: [changed, { ...open, id: 'not an id' }] as Alert[] });
    await until(() => log.changed.length === 1);
    expect(log.changed[0]).toEqual([changed]);
    expect(log.invalid).toEqual([['alerts:changed', 1]]);
  });

  it('watches again after a reconnection, so alerts raised in the gap are not missed', async () => {
    let alerts: Alert[] = [makeAlert()];
    const hub = await startHub(() => ({ ok: true, data: { alerts } }));
    const { log, handlers } = recorder();
    openShared(hub, handlers);
    await until(() => log.snapshots.length === 1);
    alerts = [...alerts, makeAlert({ severity: 'critical' })];
    hub.sockets[0]?.conn.close();
    await until(() => log.snapshots.length === 2, 8000);
    expect(log.snapshots[1]).toHaveLength(2);
    expect(hub.alertWatches).toBe(2);
  });

  it('watches at once when attached to a socket that is already connected', async () => {
    const hub = await startHub(() => ({ ok: true, data: { alerts: [] } }));
    const fleet = connectFleetFeed({
      url: hub.url,
      token: TOKEN,
      handlers: { onState: () => undefined, onSnapshot: () => undefined, onChanged: () => undefined, onRemoved: () => undefined, onSessionEnded: () => undefined },
    });
    cleanups.push(() => fleet.close());
    await until(() => fleet.socket.connected);
    const { log, handlers } = recorder();
    watchAlerts({ socket: fleet.socket, handlers });
    await until(() => log.snapshots.length === 1);
  });

  it('reports a refusal, retries, and stops listening once closed', async () => {
    let answer: unknown = { ok: false, error: { code: 'internal', message: 'database busy' } };
    const hub = await startHub(() => answer);
    const { log, handlers } = recorder();
    const { alerts } = openShared(hub, handlers, 50);
    await until(() => log.errors.includes('database busy'));
    answer = { ok: true, data: { alerts: [] } };
    await until(() => log.snapshots.length === 1);
    alerts.close();
    hub.sockets[0]?.emit('alerts:changed', { alerts: [makeAlert()] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.changed).toEqual([]);
  });

  it('counts a malformed snapshot as invalid instead of applying it', async () => {
    const hub = await startHub(() => ({ ok: true, data: { alerts: [{ id: 'x' }, makeAlert()] } }));
    const { log, handlers } = recorder();
    openShared(hub, handlers);
    await until(() => log.snapshots.length === 1);
    expect(log.snapshots[0]).toHaveLength(1);
    expect(log.invalid).toEqual([['alerts:watch', 1]]);
  });
});
