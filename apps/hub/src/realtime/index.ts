import type { Server } from 'socket.io';
import { NAMESPACES, type ConsoleSocketData } from '@deskside/protocol';
import type { HubServices } from '../compose.js';
import type { HubConfig } from '../config.js';
import type { FleetQueries } from '../services/fleet/fleet-queries.js';
import type { HubChecks } from '../services/alerts/hub-checks.js';
import { AddressGate } from './address-gate.js';
import { Admission } from './admission.js';
import { KnownDevices } from './known-devices.js';
import { emitDevicesChanged, emitDevicesRemoved, endSessionSockets, hasFleetWatchers } from './access-rooms.js';
import { setupAgentNamespace } from './agent-namespace.js';
import { wireAlerting, type AlertWiring } from './alert-wiring.js';
import { ConsoleFeed } from './console-feed.js';
import { setupConsoleNamespace } from './console-namespace.js';
import { deviceRoom, siteRoom, type AgentContext, type AgentNamespace, type ConsoleNamespace } from './context.js';
import { RateLimiter } from './rate-limiter.js';
import { createRealtimeMetrics } from './realtime-metrics.js';
import type { SessionStatus } from '../services/auth/session-status.js';
import { createSessionSweeper, type SessionSweeper } from './session-sweep.js';
import { wireTickets, type TicketWiring } from './ticket-wiring.js';
import { isClustered } from '../services/cluster/cluster-adapter.js';

/** What the realtime side needs from the composition root: the services, and the transport. */
export interface RealtimeDeps {
  io: Server;
  services: HubServices;
  /** The transport's config (the listening port, allowed origins); by default the services'. */
  config?: HubConfig;
  /**
   * Console sessions: how a token is checked and (for the sweep) how a session is re-checked. By
   * default the auth service's; a test harness passes its own, without `status` (no sweep).
   */
  consoleSessions?: { authenticate(token: string): Promise<ConsoleSocketData | undefined>; status?(sessionId: string): Promise<SessionStatus> };
  /** Cadences, for tests; production uses the defaults. `0` turns that timer off (drive it by hand). */
  timing?: Partial<RealtimeTiming>;
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
  /** A device enrolled through this hub: its first handshake is checked against the cache, like every later one. */
  deviceEnrolled(deviceId: string, keyHash: string): void;
  /** Drops a revoked device's sockets (here and, through the adapter, on other hub processes). */
  deviceRevoked(deviceId: string): void;
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
  const { services } = deps;
  const { store, clock, presence, alerting, tickets, hubChecks } = services;
  const config = deps.config ?? services.config;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const logger = services.logger.child({ component: 'realtime' });
  const metrics = createRealtimeMetrics(services.metrics);
  const agents = deps.io.of(NAMESPACES.agent) as unknown as AgentNamespace;
  const consoles = deps.io.of(NAMESPACES.console) as unknown as ConsoleNamespace;
  const fleet = services.fleetQueries;
  const flusher = services.presenceFlusher;
  const batcher = services.heartbeats;
  const known = new KnownDevices();

  const feed = new ConsoleFeed({
    summaries: (ids) => fleet.summaries(ids),
    hasWatchers: () => hasFleetWatchers(consoles),
    emitChanged: (devices) => emitDevicesChanged(consoles, devices),
    emitRemoved: (ids) => emitDevicesRemoved(consoles, ids),
    logger,
  });
  const ctx: AgentContext = { clock, logger, metrics, config, presence };
  const alertWiring: AlertWiring | undefined =
    alerting && hubChecks
      ? wireAlerting({ alerting, checks: hubChecks, agents, consoles, logger, clock, observeAlertToConsole: (ms) => metrics.observeAlertToConsole(ms), ...(deps.timing?.presenceTickMs === 0 ? { tickMs: 0 } : {}) })
      : undefined;
  const ticketWiring: TicketWiring | undefined = tickets
    ? wireTickets({ service: tickets, events: services.events, agents, consoles, logger, leads: () => services.leadership.leads('ticket-jobs'), ...(deps.timing?.feedFlushMs === 0 ? { feedFlushMs: 0, jobsMs: 0 } : {}) })
    : undefined;
  setupAgentNamespace(agents, ctx, {
    kb: services.kb,
    releases: services.agentReleases,
    siteAppearance: services.siteAppearance,
    fixes: services.fixes,
    ...(tickets ? { tickets } : {}),
    ...(alertWiring ? { alerting: { pushPolicy: alertWiring.pushPolicy } } : {}),
    hashDeviceKey: services.hashDeviceKey,
    credentials: services.agentCredentials,
    ingest: services.ingest,
    limiter: new RateLimiter(timing.ratePerSecond, timing.rateBurst),
    admission: new Admission({
      maxConcurrent: config.agentHandshakeConcurrency,
      ratePerSecond: config.agentConnectRate,
      burst: config.agentConnectRate,
    }),
    // A tenth of the main budget: devices enrolled on another hub get in, junk ids get no further.
    unverified: new Admission({
      maxConcurrent: Math.max(1, Math.ceil(config.agentHandshakeConcurrency / 10)),
      ratePerSecond: Math.max(1, Math.ceil(config.agentConnectRate / 10)),
      burst: Math.max(1, Math.ceil(config.agentConnectRate / 10)),
    }),
    known,
    gate: new AddressGate(config.agentAddressLimits),
  });
  const consoleSessions = deps.consoleSessions ?? services.auth;
  const authenticateConsole = (token: string) => consoleSessions.authenticate(token);
  setupConsoleNamespace(consoles, { config, logger, metrics, fleet, authenticateConsole, ...(alerting ? { alerts: alerting.alerts } : {}), ...(tickets ? { tickets } : {}) });

  const sessionStatus = consoleSessions.status?.bind(consoleSessions);
  const sessions: SessionSweeper | undefined = sessionStatus
    ? createSessionSweeper({ consoles, status: sessionStatus, prune: () => store.sessions.deleteExpired(clock()), clock, logger })
    : undefined;

  const dropDevice = (id: string): void => {
    known.forget(id);
    agents.in(deviceRoom(id)).disconnectSockets(true);
    presence.forget(id);
    feed.markChanged(id);
  };
  agents.on('device:revoked', dropDevice);
  const deviceRevoked = (deviceId: string): void => {
    dropDevice(deviceId);
    // The in-memory adapter has no other processes to tell (and warns when asked).
    if (!IN_MEMORY_ADAPTERS.has(agents.adapter.constructor.name)) agents.serverSideEmit('device:revoked', deviceId);
  };
  const endSessions = (sessionIds: readonly string[], reason: 'revoked' | 'expired'): void => endSessionSockets(consoles, sessionIds, reason);
  const unsubscribe = [
    services.events.on('deviceStatusChanged', (id) => feed.markChanged(id)),
    services.events.on('deviceChanged', (id) => feed.markChanged(id)),
    services.events.on('deviceStale', (id) => agents.in(deviceRoom(id)).disconnectSockets(true)),
    services.events.on('deviceRevoked', deviceRevoked),
    services.events.on('sessionsEnded', endSessions),
    services.events.on('deviceEnrolled', (deviceId, keyHash) => known.remember(deviceId, keyHash)),
    // Through the adapter, this reaches the site's agents on every hub of a cluster.
    services.events.on('siteAppearanceChanged', (siteId) => agents.to(siteRoom(siteId)).emit('site:appearance-changed')),
    // Through the adapter, so the hub holding the device's socket delivers it.
    services.events.on('fixRequested', (deviceId, request) => void agents.to(deviceRoom(deviceId)).emit('action:request', request)),
  ];

  const ready = store.devices
    .list()
    .then(async (records) => {
      // In a cluster each hub owns the presence of the devices connected to it; the others are
      // shown from the rows their hubs flush (fleet-queries falls back to lastStatus).
      if (!isClustered(consoles)) presence.seed(records, clock());
      known.seed(records);
      await hubChecks?.seed(records.map((r) => r.id));
    })
    .catch((err: unknown) => logger.error('presence seeding failed', { err: String(err) }));

  const timers = [
    every(timing.presenceTickMs, () => presence.tick(clock())),
    every(timing.feedFlushMs, () => void feed.flush()),
    every(timing.presenceFlushMs, () => void flusher.flush()),
    ...(sessions
      ? [
          every(timing.sessionSweepMs, () => void sessions.sweep().catch((err: unknown) => logger.warn('session sweep failed', { err: String(err) }))),
          // Each hub sweeps its own sockets; pruning expired session rows is the cluster's one job.
          every(timing.sessionPruneMs, () => void (services.leadership.leads('session-sweep') ? sessions.prune() : Promise.resolve()).catch((err: unknown) => logger.warn('session prune failed', { err: String(err) }))),
        ]
      : []),
    // In a cluster, the devices of a hub that died and did not reconnect anywhere: the leader turns
    // them unreachable once their last flushed sighting is older than the usual grace.
    ...(isClustered(consoles) && timing.presenceTickMs > 0 ? [every(10_000, () => void sweepOrphans())] : []),
  ];

  const sweepOrphans = async (): Promise<void> => {
    if (!services.leadership.leads('presence-orphans')) return;
    const silentMs = (config.heartbeatSeconds + config.offlineGraceSeconds) * 1000;
    // Hubs flush a live device's sighting at least once a minute (and every presence flush).
    const before = new Date(clock().getTime() - silentMs - 60_000 - timing.presenceFlushMs);
    try {
      // The same as a disconnect seen by the device's own hub: the status event (console feed,
      // integration webhooks) and the offline clock from its last sighting (device-offline alert).
      for (const { id, lastSeenAt } of await store.devices.markSilentUnreachable(before)) {
        hubChecks?.orphaned(id, lastSeenAt);
        services.events.emit('deviceStatusChanged', id, 'unreachable');
      }
    } catch (err) {
      logger.warn('orphaned presence sweep failed', { err: String(err) });
    }
  };

  const settle = async (): Promise<void> => {
    presence.tick(clock());
    await batcher.flush();
    await flusher.flush();
    await feed.flush();
    await alertWiring?.tick();
    await hubChecks?.settle();
    await alertWiring?.feed.flush();
    await ticketWiring?.settle();
  };

  return {
    fleet,
    ready,
    alertChecks: hubChecks,
    endSessions,
    sweepSessions: () => sessions?.sweep() ?? Promise.resolve(0),
    deviceRevoked,
    deviceEnrolled: (deviceId, keyHash) => known.remember(deviceId, keyHash),
    settle,
    async close() {
      for (const t of timers) if (t) clearInterval(t);
      for (const off of unsubscribe) off();
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
