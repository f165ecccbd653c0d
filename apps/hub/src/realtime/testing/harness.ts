// Test support only: a real hub realtime side (socket.io on port 0, SQLite in a temp dir) and
// real socket.io clients. Not exported by the package.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  LIMITS,
  newId,
  PROTOCOL_VERSION,
  type AgentToHubEvents,
  type ConsoleSocketData,
  type ConsoleToHubEvents,
  type HandshakeErrorData,
  type HubToAgentEvents,
  type HubToConsoleEvents,
} from '@deskside/protocol';
import { openStore, type Store } from '@deskside/store';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { composeServices, type HubServices } from '../../compose.js';
import { DEFAULT_CONFIG, type HubConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { createMetricsRegistry, type MetricsRegistry } from '../../metrics/registry.js';
import { createSecretBox } from '../../services/auth/secret-box.js';
import { hashDeviceKey, newDeviceKey } from '../../services/enrollment/device-key.js';
import { createRealtime, type Realtime, type RealtimeTiming } from '../index.js';

export type AgentClient = ClientSocket<HubToAgentEvents, AgentToHubEvents>;
export type ConsoleClient = ClientSocket<HubToConsoleEvents, ConsoleToHubEvents>;

export interface TestDevice {
  id: string;
  key: string;
  siteId: string;
}

/** A clock the test moves by hand. Starts at the real time, so wire timestamps look current. */
export interface FakeClock {
  (): Date;
  advance(ms: number): void;
}

export function fakeClock(start = Date.now()): FakeClock {
  let now = start;
  const clock = (() => new Date(now)) as FakeClock;
  clock.advance = (ms) => void (now += ms);
  return clock;
}

/** The console token the harness accepts. */
export const CONSOLE_TOKEN = 'console-token-0123456789';

export interface Harness {
  url: string;
  store: Store;
  realtime: Realtime;
  clock: FakeClock;
  metrics: MetricsRegistry;
  config: HubConfig;
  siteId: string;
  /** The hub's services, for what a console or an admin would do through HTTP. */
  services: HubServices;
  enrollDevice(hostname?: string): Promise<TestDevice>;
  connectAgent(device: TestDevice): Promise<AgentClient>;
  /** Opens an agent socket without waiting, so listeners for what the hub sends on connect can be attached first. */
  openAgent(device: TestDevice): AgentClient;
  waitConnected<S extends ClientSocket>(socket: S): Promise<S>;
  /** Opens `/agent` with arbitrary auth; answers 'connected' or the refusal's data. */
  tryAgentHandshake(auth: unknown): Promise<HandshakeErrorData | 'connected'>;
  connectConsole(options?: { token?: string; origin?: string }): Promise<ConsoleClient>;
  tryConsoleHandshake(options: { token?: string; origin?: string; protocolVersion?: number }): Promise<HandshakeErrorData | 'connected'>;
  close(): Promise<void>;
}

export async function startHarness(options: { timing?: Partial<RealtimeTiming>; config?: Partial<HubConfig> } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-realtime-'));
  const store = await openStore({ dataDir: dir });
  const siteId = newId();
  await store.sites.create({ id: siteId, name: 'Main office', createdAt: new Date() });
  const clock = fakeClock();
  const metrics = createMetricsRegistry();
  const config: HubConfig = { ...DEFAULT_CONFIG, allowedOrigins: ['http://console.test'], ...options.config };
  const httpServer = createServer();
  const io = new Server(httpServer, { maxHttpBufferSize: LIMITS.socketMessageBytes });
  const session: ConsoleSocketData = { userId: newId(), role: 'technician', sessionId: newId(), siteIds: [] };
  // The bare agent path: no alerting, no ticket desk (their suites compose the whole hub).
  const services = await composeServices({ store, clock, logger: silentLogger(), metrics, config, features: { alerting: false, tickets: false }, secretBox: createSecretBox(randomBytes(32)) });
  const realtime = createRealtime({
    io,
    services,
    consoleSessions: { authenticate: async (token) => (token === CONSOLE_TOKEN ? session : undefined) },
    timing: { presenceTickMs: 0, feedFlushMs: 0, presenceFlushMs: 0, ...options.timing },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  await realtime.ready;
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: ClientSocket[] = [];

  const open = <S extends ClientSocket>(nsp: string, auth: unknown, origin?: string): S => {
    const socket = connect(`${url}${nsp}`, {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(origin ? { extraHeaders: { origin } } : {}),
    }) as S;
    clients.push(socket);
    return socket;
  };
  const handshake = (socket: ClientSocket) =>
    new Promise<HandshakeErrorData | 'connected'>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err) => resolve((err as Error & { data: HandshakeErrorData }).data));
    });
  const connected = async <S extends ClientSocket>(socket: S): Promise<S> => {
    const result = await handshake(socket);
    if (result !== 'connected') throw new Error(`handshake refused: ${result.code} ${result.message}`);
    return socket;
  };
  const openAgent = (device: TestDevice) =>
    open<AgentClient>('/agent', { protocolVersion: PROTOCOL_VERSION, deviceId: device.id, deviceKey: device.key });
  const consoleAuth = (o: { token?: string; protocolVersion?: number }) => ({
    protocolVersion: o.protocolVersion ?? PROTOCOL_VERSION,
    token: o.token ?? CONSOLE_TOKEN,
  });

  return {
    url,
    store,
    realtime,
    clock,
    metrics,
    config,
    siteId,
    services,
    async enrollDevice(hostname = 'PC-001') {
      const device = { id: newId(), key: newDeviceKey(), siteId };
      await store.devices.create({ id: device.id, siteId, machineId: newId(), hostname, keyHash: hashDeviceKey(device.key), enrolledAt: clock() });
      // As the enrolment route does: the realtime side learns the key hash of a device enrolled here.
      realtime.deviceEnrolled(device.id, hashDeviceKey(device.key));
      return device;
    },
    connectAgent: (device) => connected(openAgent(device)),
    openAgent,
    waitConnected: connected,
    tryAgentHandshake: (auth) => handshake(open('/agent', auth)),
    connectConsole: (o = {}) => connected(open<ConsoleClient>('/console', consoleAuth(o), o.origin)),
    tryConsoleHandshake: (o) => handshake(open('/console', consoleAuth(o), o.origin)),
    async close() {
      for (const c of clients) c.disconnect();
      await realtime.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `predicate` holds, polling; for effects that follow an event (a disconnect). */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
