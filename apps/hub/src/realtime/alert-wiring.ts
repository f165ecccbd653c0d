import type { AgentPolicy } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import type { Alerting } from '../services/alerts/create-alerting.js';
import { agentPart } from '../services/alerts/health-policy.js';
import type { HubChecks } from '../services/alerts/hub-checks.js';
import { AlertFeed } from './alert-feed.js';
import type { AgentNamespace, AgentSocket, ConsoleNamespace } from './context.js';

export interface AlertWiringDeps {
  alerting: Alerting;
  /** The hub's own checks (built by the composition root): ticked here with snooze expiry. */
  checks: HubChecks;
  agents: AgentNamespace;
  consoles: ConsoleNamespace;
  logger: Logger;
  clock: () => Date;
  /** Hub checks and snooze expiry cadence (default 5 s; 0: by hand). */
  tickMs?: number;
  feedWindowMs?: number;
  /** Change committed to console push, in ms (metrics). */
  observeAlertToConsole?: (ms: number) => void;
}

/** The realtime side of alerting: the console feed, the checks' cadence, policy pushes. */
export interface AlertWiring {
  feed: AlertFeed;
  /** Sends an agent its policy with the health thresholds that apply to it. */
  pushPolicy(socket: AgentSocket, base: AgentPolicy): void;
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
  const { checks } = deps;
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
    feed,
    pushPolicy,
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
