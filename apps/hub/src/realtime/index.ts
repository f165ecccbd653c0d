import type { Server } from 'socket.io';
import { NAMESPACES, type ConsoleSocketData, type DeviceStatus } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { HubConfig } from '../config.js';
import type { FleetQueries } from '../http/fleet-queries.js';
import type { Logger } from '../log/logger.js';
import type { MetricsRegistry } from '../metrics/registry.js';
import { createFleetQueries } from '../services/fleet/fleet-queries.js';
import { PresenceTracker } from '../services/presence/presence-tracker.js';
import { AddressGate } from './address-gate.js';
import { Admission } from './admission.js';
import { KnownDevices } from './known-devices.js';
import { emitDevicesChanged, emitDevicesRemoved, endSessionSockets, hasFleetWatchers } from './access-rooms.js';
import type { Alerting } from '../services/alerts/create-alerting.js';
import type { HubChecks } from '../services/alerts/hub-checks.js';
import { setupAgentNamespace } from './agent-namespace.js';
import { wireAlerting, type AlertWiring } from './alert-wiring.js';
import { ConsoleFeed } from './console-feed.js';
import { setupConsoleNamespace } from './console-namespace.js';
import { deviceRoom, type AgentContext, type AgentNamespace, type ConsoleNamespace } from './context.js';
import { createHeartbeatBatcher } from './handlers/heartbeat-batch.js';
import { PresenceFlusher } from './presence-flusher.js';
import { RateLimiter } from './rate-limiter.js';
import { createRealtimeMetrics } from './realtime-metrics.js';
import type { SessionStatus } from '../services/auth/session-status.js';
import { createSessionSweeper, type SessionSweeper } from './session-sweep.js';
import type { TicketDesk } from '../services/tickets/create-ticket-desk.js';
import type { KbService } from '../services/kb/create-kb.js';
import { wireTickets, type TicketWiring } from './ticket-wiring.js';

/** What the realtime side needs from the composition root. */
export interface RealtimeDeps {
  io: Server;
  store: Store;
  clock: () => Date;
  logger: Logger;
  metrics: MetricsRegistry;
  config: HubConfig;
  authenticateConsole: (token: string) => Promise<ConsoleSocketData | undefined>;
  /** SHA-256 hex of the device key. */
  hashDeviceKey: (key: string) => string;
  /** Cadences, for tests; production uses the defaults. `0` turns that timer off (drive it by hand). */
  timing?: Partial<RealtimeTiming>;
  /** Health alerts (agent writes, hub checks, the console alert feed); absent: none. */
  alerting?: Alerting;
  /** The ticket desk (agent ticket commands, `tickets:watch`, `ticket:updated` pushes); absent: none. */
  tickets?: Pick<TicketDesk, 'service' | 'useNotifier'>;
  /** The knowledge base for the tray (`kb:*` agent events); absent: none. */
  kb?: KbService;
  /** Re-checks a console socket's session (expiry, revocation); absent: no session sweep or prune. */
  sessionStatus?: (sessionId: string) => Promise<SessionStatus>;
  /** Told every presence change (integration events: device unreachable). */
  onDeviceStatus?: (deviceId: string, status: DeviceStatus) => void;
}

export interface RealtimeTiming {
  presenceTickMs: number;
  feedFlushMs: number;
  presenceFlushMs: number;
  /** Per-device token bucket. */
  ratePerSecond: number;
  rateBurst: number;
  /** How often console sockets' sessions are re-checked: the most an expired session keeps receiving. */
  sessionSweepMs: number;
  /** How often expired sessions are deleted from the store. */
  sessionPruneMs: number;
}

const DEFAULT_TIMING: RealtimeTiming = {
  presenceTickMs: 1000,
  feedFlushMs: 250,
  presenceFlushMs: 5000,
  ratePerSecond: 20,
  rateBurst: 60,
  sessionSweepMs: 30_000,
  sessionPruneMs: 3_600_000,
};

const IN_MEMORY_ADAPTERS = new Set(['Adapter', 'SessionAwareAdapter']);

export interface Realtime {
  fleet: FleetQueries;
  /** Resolves once presence has been seeded from the store. */
  ready: Promise<void>;
  /** Drops a revoked device's sockets (here and, through the adapter, on other hub processes). */
  deviceRevoked(deviceId: string): void;
  /** A device enrolled through this hub: its first handshake is checked against the cache, like every later one. */
  deviceEnrolled(deviceId: string, keyHash: string): void;
  /** The hub's own health checks (inventory history calls `onInventoryChanges`); absent without alerting. */
  alertChecks: HubChecks | undefined;
  /** Sends `session:ended` to these sessions' console sockets and disconnects them. */
  endSessions(sessionIds: readonly string[], reason: 'revoked' | 'expired'): void;
  /** Re-checks every console socket's session on this hub now; answers how many sockets it ended (0 without `sessionStatus`). */
  sweepSessions(): Promise<number>;
  /** Runs one presence tick, feed flush and presence flush now (tests, shutdown). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Wires the `/agent` and `/console` namespaces onto `io`: authentication, the agent handlers,
 * in-memory presence with periodic flushes, and the coalesced console feed.
 */
export function createRealtime(deps: RealtimeDeps): Realtime {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const logger = deps.logger.child({ component: 'realtime' });
  const metrics = createRealtimeMetrics(deps.metrics);
  const agents = deps.io.of(NAMESPACES.agent) as unknown as AgentNamespace;
  const consoles = deps.io.of(NAMESPACES.console) as unknown as ConsoleNamespace;

  const feedRef: { current?: ConsoleFeed } = {};
  const presence = new PresenceTracker(deps.config, {
    onStatusChange: (id, status) => {
      feedRef.current?.markChanged(id);
      alertWiring?.onStatusChange(id, status);
      deps.onDeviceStatus?.(id, status);
    },
    onStale: (id) => agents.in(deviceRoom(id)).disconnectSockets(true),
  });
  const fleet = createFleetQueries({ store: deps.store, presence, clock: deps.clock });
  const feed = new ConsoleFeed({
    summaries: (ids) => fleet.summaries(ids),
    hasWatchers: () => hasFleetWatchers(consoles),
    emitChanged: (devices) => emitDevicesChanged(consoles, devices),
    emitRemoved: (ids) => emitDevicesRemoved(consoles, ids),
    logger,
  });
  feedRef.current = feed;
  const flusher = new PresenceFlusher(deps.store, presence, logger);
  const batcher = createHeartbeatBatcher(deps.store);
  const known = new KnownDevices();
  const ctx: AgentContext = { store: deps.store, clock: deps.clock, logger, metrics, config: deps.config, presence, feed };

  // Declared after the presence listener that uses it: that listener first runs once traffic flows.
  const alertWiring: AlertWiring | undefined = deps.alerting
    ? wireAlerting({ alerting: deps.alerting, agents, consoles, store: deps.store, clock: deps.clock, logger, presence, observeAlertToConsole: (ms) => ctx.metrics.observeAlertToConsole(ms), ...(deps.timing?.presenceTickMs === 0 ? { tickMs: 0 } : {}) })
    : undefined;
  if (alertWiring) {
    const checks = alertWiring.checks;
    ctx.onInventoryChanges = (deviceId, changes) => {
      checks.onInventoryChanges(deviceId, changes).catch((err: unknown) => logger.error('inventory-change check failed', { deviceId, err: String(err) }));
    };
  }
  const ticketWiring: TicketWiring | undefined = deps.tickets
    ? wireTickets({ service: deps.tickets.service, agents, consoles, logger, ...(deps.timing?.feedFlushMs === 0 ? { feedFlushMs: 0, jobsMs: 0 } : {}) })
    : undefined;
  if (deps.tickets && ticketWiring) deps.tickets.useNotifier(ticketWiring.notifier);
  setupAgentNamespace(agents, ctx, {
    ...(deps.tickets ? { tickets: deps.tickets.service } : {}),
    ...(deps.kb ? { kb: deps.kb } : {}),
    ...(deps.alerting && alertWiring ? { alerting: { alerts: deps.alerting.alerts, pushPolicy: alertWiring.pushPolicy } } : {}),
    hashDeviceKey: deps.hashDeviceKey,
    batcher,
    limiter: new RateLimiter(timing.ratePerSecond, timing.rateBurst),
    admission: new Admission({
      maxConcurrent: deps.config.agentHandshakeConcurrency,
      ratePerSecond: deps.config.agentConnectRate,
      burst: deps.config.agentConnectRate,
    }),
    // A tenth of the main budget: devices enrolled on another hub get in, junk ids get no further.
    unverified: new Admission({
      maxConcurrent: Math.max(1, Math.ceil(deps.config.agentHandshakeConcurrency / 10)),
      ratePerSecond: Math.max(1, Math.ceil(deps.config.agentConnectRate / 10)),
      burst: Math.max(1, Math.ceil(deps.config.agentConnectRate / 10)),
    }),
    known,
    gate: new AddressGate(deps.config.agentAddressLimits),
  });
  setupConsoleNamespace(consoles, { config: deps.config, logger, metrics, fleet, authenticateConsole: deps.authenticateConsole, ...(deps.alerting ? { alerts: deps.alerting.alerts } : {}), ...(deps.tickets ? { tickets: deps.tickets.service } : {}) });

  const sessions: SessionSweeper | undefined = deps.sessionStatus
    ? createSessionSweeper({ consoles, status: deps.sessionStatus, prune: () => deps.store.sessions.deleteExpired(deps.clock()), clock: deps.clock, logger })
    : undefined;

  const dropDevice = (id: string): void => {
    known.forget(id);
    agents.in(deviceRoom(id)).disconnectSockets(true);
    presence.forget(id);
    feed.markChanged(id);
  };
  agents.on('device:revoked', dropDevice);

  const ready = deps.store.devices
    .list()
    .then(async (records) => {
      presence.seed(records, deps.clock());
      known.seed(records);
      await alertWiring?.seed(records.map((r) => r.id));
    })
    .catch((err: unknown) => logger.error('presence seeding failed', { err: String(err) }));

  const timers = [
    every(timing.presenceTickMs, () => presence.tick(deps.clock())),
    every(timing.feedFlushMs, () => void feed.flush()),
    every(timing.presenceFlushMs, () => void flusher.flush()),
    ...(sessions
      ? [
          every(timing.sessionSweepMs, () => void sessions.sweep().catch((err: unknown) => logger.warn('session sweep failed', { err: String(err) }))),
          every(timing.sessionPruneMs, () => void sessions.prune().catch((err: unknown) => logger.warn('session prune failed', { err: String(err) }))),
        ]
      : []),
  ];

  const settle = async (): Promise<void> => {
    presence.tick(deps.clock());
    await batcher.flush();
    await flusher.flush();
    await feed.flush();
    await alertWiring?.tick();
    await alertWiring?.checks.settle();
    await alertWiring?.feed.flush();
    await ticketWiring?.settle();
  };

  return {
    fleet,
    ready,
    alertChecks: alertWiring?.checks,
    endSessions: (sessionIds, reason) => endSessionSockets(consoles, sessionIds, reason),
    sweepSessions: () => sessions?.sweep() ?? Promise.resolve(0),
    deviceRevoked(deviceId) {
      dropDevice(deviceId);
      // The in-memory adapter has no other processes to tell (and warns when asked).
      if (!IN_MEMORY_ADAPTERS.has(agents.adapter.constructor.name)) agents.serverSideEmit('device:revoked', deviceId);
    },
    deviceEnrolled: (deviceId, keyHash) => known.remember(deviceId, keyHash),
    settle,
    async close() {
      for (const t of timers) if (t) clearInterval(t);
      await alertWiring?.close();
      await ticketWiring?.close();
      await sessions?.idle();
      await ready;
      await batcher.flush();
      await flusher.flush();
    },
  };
}

function every(ms: number, fn: () => void): NodeJS.Timeout | undefined {
  if (ms <= 0) return undefined;
  const t = setInterval(fn, ms);
  t.unref();
  return t;
}
