import type { Server as HttpServer } from 'node:http';
import { LIMITS } from '@deskside/protocol';
import { openStore, type Store } from '@deskside/store';
import { Server } from 'socket.io';
import { bootstrap, type BootstrapResult } from './bootstrap/bootstrap.js';
import { composeServices, type HubServices } from './compose.js';
import type { AuditService } from './services/audit/audit-service.js';
import { lockDataDir } from './bootstrap/data-dir-lock.js';
import { systemClock, type Clock } from './clock.js';
import type { HubConfig } from './config.js';
import { createHttpHandler } from './http/http-handler.js';
import { secureEveryResponse } from './http/security-headers.js';
import { apiRoutes } from './http/routes/api-routes.js';
import { createLogger, type Logger } from './log/logger.js';
import { createMetricsRegistry } from './metrics/registry.js';
import { createRealtime, type Realtime } from './realtime/index.js';
import { closeServers } from './server/close-server.js';
import { hubUrl, listen, ownOrigins } from './server/listen.js';
import { createHubServer } from './server/tls.js';
import { budgetConnections, defaultTotalConnections } from './server/connection-budget.js';
import { registerConnectionMetrics } from './server/connection-metrics.js';
import { useClusterAdapter } from './services/cluster/cluster-adapter.js';

export interface HubDeps {
  clock?: Clock;
  logger?: Logger;
  /** The console's built files; by default those of `@deskside/console-ui`. */
  consoleDir?: string;
}

export interface Hub {
  url: string;
  port: number;
  httpServer: HttpServer;
  io: Server;
  store: Store;
  realtime: Realtime;
  /** The append-only audit log. */
  audit: AuditService;
  /** Every service, as the composition root built them. */
  services: HubServices;
  /** SHA-256 fingerprint of the TLS certificate, when serving HTTPS. */
  tlsFingerprint?: string;
  /** What the start-up banner shows (secrets: stdout only, never a log). */
  credentials: BootstrapResult;
  /** Stops accepting, disconnects sockets, flushes presence, closes the store. Idempotent. */
  close(): Promise<void>;
}

/** The hub's start-up: store, first-start setup, the services (compose.ts), one HTTP server carrying the API and socket.io. */
export async function createHub(config: HubConfig, deps: HubDeps = {}): Promise<Hub> {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger();
  // One hub per data directory: a second one is refused before it opens anything.
  const releaseDataDir = lockDataDir(config.dataDir);
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  } catch (error) {
    releaseDataDir();
    throw error;
  }
  // Bounded request reception, so slow clients cannot hold connections open (upgraded sockets are exempt).
  let hubServer: ReturnType<typeof createHubServer>;
  try {
    hubServer = createHubServer(config);
  } catch (error) {
    await store.close();
    releaseDataDir();
    throw error;
  }
  const { server: httpServer, tlsFingerprint } = hubServer;
  const connections = budgetConnections(
    httpServer,
    {
      idleMs: config.connectionLimits.idleSeconds * 1000,
      perAddress: config.connectionLimits.perAddress,
      total: config.connectionLimits.total ?? defaultTotalConnections(),
    },
    hubServer.scheme === 'https',
  );
  const withScheme = (url: string): string => (hubServer.scheme === 'https' ? url.replace(/^http:/, 'https:') : url);
  try {
    const credentials = await bootstrap({ store, clock, logger, config });
    const metrics = createMetricsRegistry();
    // Before listening: the wiring after `listen` must stay synchronous.
    const services = await composeServices({ store, clock, logger, metrics, config, ...(tlsFingerprint ? { tlsFingerprint } : {}) });
    const port = await listen(httpServer, config.host, config.port);
    // Everything from here to io.attach is synchronous, so no request can arrive half-wired.
    const allowedOrigins = config.allowedOrigins.length > 0 ? config.allowedOrigins : ownOrigins(config.host, port).map(withScheme);
    const hubConfig: HubConfig = { ...config, port, allowedOrigins };
    // WebSocket only: no long-polling, so any L4 balancer works without sticky sessions.
    const io = new Server({ maxHttpBufferSize: LIMITS.socketMessageBytes, serveClient: false, cors: { origin: allowedOrigins }, transports: ['websocket'] });
    // On PostgreSQL, broadcasts (console feeds, device rooms, session ends) reach every hub's sockets.
    useClusterAdapter(io, store, logger.child({ component: 'cluster' }));
    const realtime = createRealtime({ io, services, config: hubConfig });
    const routes = apiRoutes(services);
    httpServer.on('request', createHttpHandler({ routes, authenticate: services.authenticateBearer, logger, metrics, allowedOrigins, consoleDir: deps.consoleDir }));
    io.attach(httpServer);
    // After attach: socket.io takes over the request listeners and serves its paths alone.
    secureEveryResponse(httpServer, hubServer.scheme === 'https');
    connections.watchRequests();
    registerConnectionMetrics(metrics, connections);
    await realtime.ready;
    const { maintenance } = services;
    maintenance.start();
    services.webhookDispatcher.wake();
    services.mail.start();

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        // First: a retention run under way stops at its next batch instead of racing the final flushes.
        await maintenance.close();
        await closeServers(io, httpServer);
        await realtime.close();
        await services.close();
        await store.close();
        releaseDataDir();
      })());
    return { url: withScheme(hubUrl(config.host, port)), port, httpServer, io, store, realtime, audit: services.audit, services, credentials, close, ...(tlsFingerprint ? { tlsFingerprint } : {}) };
  } catch (error) {
    if (httpServer.listening) httpServer.close();
    await store.close();
    releaseDataDir();
    throw error;
  }
}
