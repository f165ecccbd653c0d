import type { Server as HttpServer } from 'node:http';
import { LIMITS, newId } from '@deskside/protocol';
import { openStore, type Store } from '@deskside/store';
import { Server } from 'socket.io';
import { bootstrap, type BootstrapResult } from './bootstrap/bootstrap.js';
import { systemClock, type Clock } from './clock.js';
import type { HubConfig } from './config.js';
import { createHttpHandler } from './http/http-handler.js';
import { apiRoutes } from './http/routes/api-routes.js';
import { createLogger, type Logger } from './log/logger.js';
import { createMetricsRegistry } from './metrics/registry.js';
import { createRealtime, type Realtime } from './realtime/index.js';
import { closeServers } from './server/close-server.js';
import { hubUrl, listen, ownOrigins } from './server/listen.js';
import { createHubServer } from './server/tls.js';
import { createAuditService, type AuditService } from './services/audit/audit-service.js';
import { createAuthService } from './services/auth/auth-service.js';
import { createSecretBox, loadOrCreateSecretKey } from './services/auth/secret-box.js';
import { hashDeviceKey } from './services/enrollment/device-key.js';
import { createAlerting } from './services/alerts/create-alerting.js';
import { createTicketDesk } from './services/tickets/create-ticket-desk.js';
import { createKb } from './services/kb/create-kb.js';
import { KbImageFiles } from './services/kb/kb-images.js';
import { withDeviceAlerts } from './services/alerts/device-alerts.js';
import { groupMembership } from './services/alerts/group-membership.js';
import { parseWebhookUrl } from './services/notify/webhook-url.js';
import { createMaintenanceJob } from './services/maintenance/maintenance-job.js';
import { API_TOKEN_PREFIX, createApiTokenService } from './services/integrations/api-tokens.js';
import { createHubEvents } from './services/integrations/hub-events.js';
import { countHubEvents } from './services/integrations/event-metrics.js';
import { createSearch } from './services/search/create-search.js';
import { WebhookDispatcher } from './services/integrations/webhook-dispatcher.js';
import { createWebhookService } from './services/integrations/webhook-service.js';

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
  /** SHA-256 fingerprint of the TLS certificate, when serving HTTPS. */
  tlsFingerprint?: string;
  /** What the start-up banner shows (secrets: stdout only, never a log). */
  credentials: BootstrapResult;
  /** Stops accepting, disconnects sockets, flushes presence, closes the store. Idempotent. */
  close(): Promise<void>;
}

/** The composition root: store, first-start setup, one HTTP server carrying the API and socket.io. */
export async function createHub(config: HubConfig, deps: HubDeps = {}): Promise<Hub> {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger();
  const store = await openStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  // Bounded request reception, so slow clients cannot hold connections open (upgraded sockets are exempt).
  let hubServer: ReturnType<typeof createHubServer>;
  try {
    hubServer = createHubServer(config);
  } catch (error) {
    await store.close();
    throw error;
  }
  const { server: httpServer, tlsFingerprint } = hubServer;
  const withScheme = (url: string): string => (hubServer.scheme === 'https' ? url.replace(/^http:/, 'https:') : url);
  try {
    const credentials = await bootstrap({ store, clock, logger, config });
    // Before listening: the wiring after `listen` must stay synchronous.
    const webhook = config.alertWebhook ? parseWebhookUrl(config.alertWebhook) : undefined;
    // The ticket desk and alerting need each other (auto-tickets, SLA-breach alerts): bound after both exist.
    const tickets = createTicketDesk({ store, clock, logger, dataDir: config.dataDir, audit: createAuditService({ store, clock, logger: logger.child({ component: 'audit' }) }) });
    const alerting = await createAlerting({ store, clock, logger, groups: groupMembership(store, clock), tickets: tickets.hook, ...(webhook ? { webhook } : {}) });
    tickets.useAlerts(alerting.alerts);
    const kb = createKb({ store, clock, audit: createAuditService({ store, clock, logger: logger.child({ component: 'audit' }) }), newId: () => newId(clock().getTime()), images: new KbImageFiles(config.dataDir) });
    const port = await listen(httpServer, config.host, config.port);
    // Everything from here to io.attach is synchronous, so no request can arrive half-wired.
    const allowedOrigins = config.allowedOrigins.length > 0 ? config.allowedOrigins : ownOrigins(config.host, port).map(withScheme);
    const hubConfig: HubConfig = { ...config, port, allowedOrigins };
    const metrics = createMetricsRegistry();
    const io = new Server({ maxHttpBufferSize: LIMITS.socketMessageBytes, serveClient: false, cors: { origin: allowedOrigins } });
    const audit = createAuditService({ store, clock, logger: logger.child({ component: 'audit' }) });
    const secretBox = createSecretBox(loadOrCreateSecretKey(config.dataDir));
    const auth = createAuthService({ store, clock, logger: logger.child({ component: 'auth' }), sessionHours: config.sessionHours, secretBox, audit });
    const apiTokens = createApiTokenService({ store, clock, audit });
    // Bearer tokens: an API token (its creator, narrowed) or a console session.
    const authenticate = (token: string) => (token.startsWith(API_TOKEN_PREFIX) ? apiTokens.authenticate(token) : auth.authenticate(token));
    // Integration events (metrics counters, webhooks), read back from what the services committed.
    const events = createHubEvents({ store, clock, logger: logger.child({ component: 'events' }), presentTickets: (records) => tickets.service.queries.present(records) });
    tickets.onChanged((ids) => events.ticketsChanged(ids));
    alerting.alerts.onChange({ changed: (ids) => events.alertsChanged(ids), notificationsQueued: () => undefined });
    countHubEvents(metrics, events);
    const outcomes = metrics.counter('deskside_webhook_deliveries_total', 'Event webhook delivery attempts, by format and outcome (sent, retry, dead).', ['format', 'outcome']);
    const dispatcher = new WebhookDispatcher({ store, clock, logger: logger.child({ component: 'webhooks' }), secretBox, outcomes });
    const webhooks = createWebhookService({ store, clock, logger: logger.child({ component: 'webhooks' }), audit, secretBox, events, dispatcher });
    const realtime = createRealtime({
      io,
      store,
      clock,
      logger,
      metrics,
      config: hubConfig,
      authenticateConsole: auth.authenticate,
      sessionStatus: auth.status,
      hashDeviceKey,
      alerting,
      tickets,
      kb,
      onDeviceStatus: (id, status) => events.deviceStatus(id, status),
    });
    const routes = apiRoutes({
      store,
      clock,
      logger,
      metrics,
      config: hubConfig,
      auth,
      fleet: withDeviceAlerts(realtime.fleet, alerting.alerts),
      alerting,
      tickets: tickets.service,
      kb,
      audit,
      secretBox,
      realtime,
      apiTokens,
      events,
      search: createSearch(store, logger.child({ component: 'search' }), () => clock().getTime()),
      webhooks,
      ...(tlsFingerprint ? { tlsFingerprint } : {}),
    });
    httpServer.on('request', createHttpHandler({ routes, authenticate, logger, metrics, allowedOrigins, consoleDir: deps.consoleDir }));
    io.attach(httpServer);
    await realtime.ready;
    const maintenance = createMaintenanceJob({ store, clock, logger: logger.child({ component: 'maintenance' }), retention: config.retention, heartbeatSeconds: config.heartbeatSeconds });
    maintenance.start();
    dispatcher.wake();

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        // First: a retention run under way stops at its next batch instead of racing the final flushes.
        await maintenance.close();
        await closeServers(io, httpServer);
        await realtime.close();
        await events.settle();
        await webhooks.close();
        await dispatcher.close();
        await alerting.close();
        await store.close();
      })());
    return { url: withScheme(hubUrl(config.host, port)), port, httpServer, io, store, realtime, audit, credentials, close, ...(tlsFingerprint ? { tlsFingerprint } : {}) };
  } catch (error) {
    if (httpServer.listening) httpServer.close();
    await store.close();
    throw error;
  }
}
