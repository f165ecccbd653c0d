import { AGENT_TO_HUB_EVENTS, fail, type Ack, type AgentPolicy, type AgentToHubEvents } from '@deskside/protocol';
import type { AddressGate } from './address-gate.js';
import type { Admission } from './admission.js';
import { agentAuthMiddleware } from './agent-auth.js';
import type { KnownDevices } from './known-devices.js';
import { deviceRoom, siteRoom, type AgentContext, type AgentNamespace, type AgentSocket } from './context.js';
import { registerHeartbeatHandlers } from './handlers/heartbeat-handlers.js';
import { registerInventoryHandlers } from './handlers/inventory-handlers.js';
import { registerAlertHandlers } from './handlers/alert-handlers.js';
import { cadencePolicy } from '../services/policy/agent-policy.js';
import type { TicketService } from '../services/tickets/ticket-service.js';
import { registerTicketHandlers } from './handlers/ticket-handlers.js';
import { registerKbHandlers } from './handlers/kb-handlers.js';
import { registerFixHandlers } from './handlers/fix-handlers.js';
import type { FixService } from '../services/fixes/fix-service.js';
import type { KbService } from '../services/kb/create-kb.js';
import { registerReleaseHandlers } from './handlers/release-handlers.js';
import type { ReleaseService } from '../services/agent-releases/release-service.js';
import type { SiteAppearanceService } from '../services/sites/site-appearance.js';
import { registerSiteHandlers } from './handlers/site-handlers.js';
import { registerPresenceHandlers } from './handlers/presence-handlers.js';
import type { RateLimiter } from './rate-limiter.js';
import type { AgentIngest } from '../services/ingest/agent-ingest.js';
import type { AgentCredentials, CredentialedDevice } from '../services/enrollment/agent-credentials.js';

export interface AgentNamespaceDeps {
  hashDeviceKey: (key: string) => string;
  /** The enrolled devices' key hashes, revocation and approval (the handshake's one database read). */
  credentials: AgentCredentials;
  /** Every agent write, as services/ingest use cases. */
  ingest: AgentIngest;
  limiter: RateLimiter;
  /** Reconnect-storm guard: handshakes in flight and per second (devices whose key matched the cache). */
  admission: Admission;
  /** The small budget of handshakes for ids the cache does not know. */
  unverified: Admission;
  known: KnownDevices;
  /** Per-address caps on pending handshakes and open connections. */
  gate: AddressGate;
  /** Health alerts: `alert:raise`/`alert:clear` handlers and the health part of the pushed policy. */
  alerting?: { pushPolicy(socket: AgentSocket, base: AgentPolicy): void };
  /** Tickets from the tray: `ticket:create`, `ticket:reply`, `tickets:mine`; absent: unknown_event. */
  tickets?: TicketService;
  /** The knowledge base for the tray: `kb:search`, `kb:sync`, `kb:deflect`, `kb:feedback`; absent: unknown_event. */
  kb?: KbService;
  /** Agent releases: `release:check`; absent: unknown_event. */
  releases?: ReleaseService;
  /** The site's tray branding and default language: `site:appearance`; absent: unknown_event. */
  siteAppearance?: SiteAppearanceService;
  /** Consented fixes: `action:status`; absent: unknown_event. */
  fixes?: FixService;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(AGENT_TO_HUB_EVENTS);
/** Unknown events one agent socket may send before it is disconnected. */
export const MAX_UNKNOWN_EVENTS_PER_SOCKET = 100;

/** Wires `/agent`: authentication, the event allow-list and rate limit, presence, handlers. */
export function setupAgentNamespace(nsp: AgentNamespace, ctx: AgentContext, deps: AgentNamespaceDeps): void {
  const accepted = new WeakMap<AgentSocket, CredentialedDevice>();
  /** Open sockets per device: a reconnect may overlap the old socket's disconnect. */
  const open = new Map<string, number>();

  nsp.use(
    agentAuthMiddleware({
      credentials: deps.credentials,
      logger: ctx.logger,
      clock: ctx.clock,
      hashDeviceKey: deps.hashDeviceKey,
      accepted,
      gate: deps.gate,
      known: deps.known,
      admission: deps.admission,
      unverified: deps.unverified,
      onRefused: () => ctx.metrics.rateLimited.inc(),
    }),
  );

  nsp.on('connection', (socket) => {
    const device = accepted.get(socket);
    if (!device) {
      // Only reachable if something (connection-state recovery) skipped the middleware.
      socket.disconnect(true);
      return;
    }
    const { deviceId } = socket.data;
    const closeAddress = deps.gate.opened(socket.handshake.address);
    void socket.join([deviceRoom(deviceId), siteRoom(socket.data.siteId)]);
    open.set(deviceId, (open.get(deviceId) ?? 0) + 1);
    ctx.metrics.agentsConnected.inc();
    ctx.presence.connected(deviceId, ctx.clock());

    let unknown = 0;
    socket.use(([event, ...args], next) => {
      const ack = args[args.length - 1];
      const reply = typeof ack === 'function' ? (ack as (a: Ack<never>) => void) : undefined;
      // Every message spends the device's budget first, the unknown ones too (they cost parsing and an answer).
      if (!deps.limiter.take(deviceId, ctx.clock().getTime())) {
        ctx.metrics.rateLimited.inc();
        reply?.(fail('rate_limited', 'too many messages; slow down'));
        return;
      }
      // Known to the protocol but not handled by this hub (yet): still a typed answer, never silence.
      if (!KNOWN_EVENTS.has(event) || socket.listeners(event as keyof AgentToHubEvents).length === 0) {
        ctx.metrics.unknownEvents.inc();
        reply?.(fail('unknown_event', 'this hub does not know that event'));
        // A real agent sends a handful (an older or newer hub); a socket that keeps at it is dropped.
        if (++unknown >= MAX_UNKNOWN_EVENTS_PER_SOCKET) {
          ctx.logger.warn('agent socket dropped after too many unknown events', { deviceId, unknown });
          socket.disconnect(true);
        }
        return;
      }
      next();
    });
    const { ingest } = deps;
    registerHeartbeatHandlers(ctx, socket, ingest);
    registerPresenceHandlers(ctx, socket, ingest);
    registerInventoryHandlers(ctx, socket, ingest);
    if (ingest.alerts) registerAlertHandlers(ctx, socket, ingest.alerts);
    if (deps.tickets && ingest.tickets) registerTicketHandlers(ctx, socket, deps.tickets, ingest.tickets);
    if (deps.kb && ingest.kb) registerKbHandlers(ctx, socket, deps.kb, ingest.kb);
    if (deps.releases) registerReleaseHandlers(ctx, socket, deps.releases);
    if (deps.siteAppearance) registerSiteHandlers(ctx, socket, deps.siteAppearance);
    if (deps.fixes) registerFixHandlers(ctx, socket, deps.fixes);

    socket.on('disconnect', () => {
      closeAddress();
      ctx.metrics.agentsConnected.dec();
      const left = (open.get(deviceId) ?? 1) - 1;
      if (left > 0) {
        open.set(deviceId, left);
        return;
      }
      open.delete(deviceId);
      ctx.presence.disconnected(deviceId, ctx.clock());
    });

    const policy: AgentPolicy = cadencePolicy(ctx.config);
    if (deps.alerting) deps.alerting.pushPolicy(socket, policy);
    else socket.emit('policy:update', policy);
    if (device.inventoryHash === null) socket.emit('inventory:request', { reason: 'hub-has-none' });
  });
}
