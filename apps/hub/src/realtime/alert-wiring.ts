import type { AgentPolicy, DeviceStatus } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import type { Alerting } from '../services/alerts/create-alerting.js';
import { agentPart } from '../services/alerts/health-policy.js';
import { HubChecks, type PresenceView } from '../services/alerts/hub-checks.js';
import type { Store } from '@deskside/store';
import type { Clock } from '../clock.js';
import { AlertFeed } from './alert-feed.js';
import type { AgentNamespace, AgentSocket, ConsoleNamespace } from './context.js';

export interface AlertWiringDeps {
  alerting: Alerting;
  agents: AgentNamespace;
  consoles: ConsoleNamespace;
  store: Store;
  clock: Clock;
  logger: Logger;
  presence: PresenceView;
  /** Hub checks and snooze expiry cadence (default 5 s; 0: by hand). */
  tickMs?: number;
  feedWindowMs?: number;
  /** Change committed to console push, in ms (metrics). */
  observeAlertToConsole?: (ms: number) => void;
}

/** The realtime side of alerting: the console feed, hub checks fed by presence, policy pushes. */
export interface AlertWiring {
  checks: HubChecks;
  feed: AlertFeed;
  onStatusChange(deviceId: string, status: DeviceStatus): void;
  /** Sends an agent its policy with the health thresholds that apply to it. */
  pushPolicy(socket: AgentSocket, base: AgentPolicy): void;
  /** After presence is seeded. */
  seed(deviceIds: readonly string[]): Promise<void>;
  tick(): Promise<void>;
  close(): Promise<void>;
}

export function wireAlerting(deps: AlertWiringDeps): AlertWiring {
  const { alerting, logger } = deps;
  const observe = deps.observeAlertToConsole;
  const feed = new AlertFeed({
    nsp: deps.consoles,
    records: (ids) => alerting.alerts.records(ids),
    logger,
    ...(deps.feedWindowMs !== undefined ? { windowMs: deps.feedWindowMs } : {}),
    ...(observe ? { pushed: (r: { updatedAt: Date }) => observe(deps.clock().getTime() - r.updatedAt.getTime()) } : {}),
  });
  const unsubscribe = alerting.alerts.onChange({ changed: (ids) => feed.markChanged(ids), notificationsQueued: () => undefined });
  const checks = new HubChecks({ store: deps.store, clock: deps.clock, logger, alerts: alerting.alerts, policies: alerting.policies, presence: deps.presence });
  const bases = new WeakMap<AgentSocket, AgentPolicy>();

  const pushPolicy = (socket: AgentSocket, base: AgentPolicy): void => {
    bases.set(socket, base);
    alerting.policies
      .forDevice(socket.data.deviceId)
      .then((p) => socket.emit('policy:update', { ...base, health: agentPart(p) }))
      .catch((err: unknown) => {
        logger.warn('health policy lookup failed; sending the cadence only', { err: String(err) });
        socket.emit('policy:update', base);
      });
  };
  // A changed policy reaches every connected agent at once (each gets what applies to it).
  const unwatchPolicy = alerting.policies.onChange(() => {
    for (const socket of deps.agents.sockets.values()) {
      const base = bases.get(socket);
      if (base) pushPolicy(socket, base);
    }
  });

  let running: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    running = running.then(async () => {
      try {
        await checks.tick();
        await alerting.alerts.tick();
      } catch (err) {
        logger.warn('alert tick failed', { err: String(err) });
      }
    });
    return running;
  };
  const tickMs = deps.tickMs ?? 5_000;
  const timer = tickMs > 0 ? setInterval(() => void tick(), tickMs) : undefined;
  timer?.unref();

  return {
    checks,
    feed,
    onStatusChange: (id, status) => checks.onStatusChange(id, status),
    pushPolicy,
    seed: (ids) => checks.seed(ids),
    tick,
    async close() {
      if (timer) clearInterval(timer);
      unsubscribe();
      unwatchPolicy();
      feed.close();
      await running;
      await checks.settle();
    },
  };
}
