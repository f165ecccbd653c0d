import {
  CONSOLE_TO_HUB_EVENTS,
  ConsoleHandshakeSchema,
  fail,
  isSupportedProtocol,
  ok,
  type AckCallback,
  type ConsoleSocketData,
  type DeviceSummary,
} from '@deskside/protocol';
import type { HubConfig } from '../config.js';
import type { Logger } from '../log/logger.js';
import { can, consoleEventAction } from '../services/access/permissions.js';
import { siteFilter } from '../services/access/site-scope.js';
import type { FleetQueryService } from '../services/fleet/fleet-queries.js';
import { fleetRoomsFor, sessionRoom } from './access-rooms.js';
import type { ConsoleNamespace, ConsoleSocket } from './context.js';
import { handshakeError } from './handshake-error.js';
import type { RealtimeMetrics } from './realtime-metrics.js';
import type { AlertService } from '../services/alerts/alert-service.js';
import { registerAlertWatch } from './alert-watch.js';
import type { TicketService } from '../services/tickets/ticket-service.js';
import { registerTicketWatch } from './ticket-watch.js';

export interface ConsoleNamespaceDeps {
  config: HubConfig;
  logger: Logger;
  metrics: RealtimeMetrics;
  fleet: FleetQueryService;
  authenticateConsole: (token: string) => Promise<ConsoleSocketData | undefined>;
  /** `alerts:watch`; absent: the event is answered unknown_event. */
  alerts?: AlertService;
  /** `tickets:watch`; absent: the event is answered unknown_event. */
  tickets?: TicketService;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(CONSOLE_TO_HUB_EVENTS);

/** Wires `/console`: Origin check, session authentication, and the fleet watch. */
export function setupConsoleNamespace(nsp: ConsoleNamespace, deps: ConsoleNamespaceDeps): void {
  nsp.use((socket, next) => {
    if (!originAllowed(socket, deps.config)) {
      next(handshakeError('forbidden', 'this origin may not open a console session'));
      return;
    }
    const parsed = ConsoleHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      next(handshakeError('unauthorized', 'a console session token is required'));
      return;
    }
    if (!isSupportedProtocol(parsed.data.protocolVersion)) {
      next(handshakeError('protocol_unsupported', `protocol version ${parsed.data.protocolVersion} is not supported; reload the console`));
      return;
    }
    deps
      .authenticateConsole(parsed.data.token)
      .then((session) => {
        if (!session) return next(handshakeError('unauthorized', 'the session is invalid or expired; log in again'));
        socket.data = session;
        next();
      })
      .catch((err: unknown) => {
        deps.logger.error('console handshake failed', { err: String(err) });
        next(handshakeError('unauthorized', 'the session could not be checked; log in again'));
      });
  });

  nsp.on('connection', (socket) => {
    deps.metrics.consolesConnected.inc();
    socket.on('disconnect', () => deps.metrics.consolesConnected.dec());
    // Its session's room, so revoking the session ends this socket at once.
    void socket.join(sessionRoom(socket.data.sessionId));
    socket.use(([event, ...args], next) => {
      const ack = args[args.length - 1];
      const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : undefined;
      if (!KNOWN_EVENTS.has(event)) {
        deps.metrics.unknownEvents.inc({ namespace: 'console' });
        reply?.(fail('unknown_event', 'this hub does not know that event'));
        return;
      }
      // Deny by default: an event without an action in the permission table is refused to all.
      const action = consoleEventAction(event);
      if (action === undefined || !can(socket.data, action)) {
        reply?.(fail('forbidden', 'your role may not do this'));
        return;
      }
      next();
    });
    if (deps.alerts) registerAlertWatch(socket, deps.alerts, deps.logger);
    if (deps.tickets) registerTicketWatch(socket, deps.tickets, deps.logger);
    socket.on('fleet:watch', (ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as AckCallback<{ devices: DeviceSummary[] }>;
      // Join first: a change landing while the snapshot is read is then sent too, never lost.
      void socket.join(fleetRoomsFor(socket.data));
      const scope = siteFilter(socket.data);
      deps.fleet
        .list(scope ? { siteIds: [...scope] } : {})
        .then((devices) => reply(ok({ devices })))
        .catch((err: unknown) => {
          deps.logger.error('fleet snapshot failed', { err: String(err) });
          reply(fail('internal', 'the fleet could not be read; retry'));
        });
    });
  });
}

/**
 * Browsers always send Origin on a websocket upgrade; a page elsewhere must not open a session in
 * a technician's browser. No Origin means a non-browser client (the Electron shell's main side,
 * scripts), which must still present a token. Same-origin (the console the hub serves) is allowed;
 * a rebound DNS name passing as same-origin still has no token to present (tokens are not cookies).
 */
function originAllowed(socket: ConsoleSocket, config: HubConfig): boolean {
  const origin = socket.handshake.headers.origin;
  if (origin === undefined) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  // Same origin: the console page this hub served, whatever address it was reached at.
  const host = socket.handshake.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
