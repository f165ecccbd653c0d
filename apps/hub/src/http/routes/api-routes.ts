import { PROTOCOL_VERSION } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { HubConfig } from '../../config.js';
import type { Logger } from '../../log/logger.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import { createAttemptLimiter } from '../../services/auth/attempt-limiter.js';
import type { AuditService } from '../../services/audit/audit-service.js';
import type { AuthService } from '../../services/auth/auth-service.js';
import { createLoginThrottle } from '../../services/auth/login-throttle.js';
import type { SecretBox } from '../../services/auth/secret-box.js';
import type { FleetQueries } from '../fleet-queries.js';
import type { Route } from '../router.js';
import type { Alerting } from '../../services/alerts/create-alerting.js';
import { alertingRoutes } from './alerting-routes.js';
import type { TicketService } from '../../services/tickets/ticket-service.js';
import { incidentRoutes } from './incident-routes.js';
import { ticketRoutes } from './ticket-routes.js';
import type { KbService } from '../../services/kb/create-kb.js';
import { kbRoutes } from './kb-routes.js';
import { activityReportRoutes } from './activity-report-routes.js';
import { accessRoutes, type AccessRoutesDeps } from './access-routes.js';
import { assetApiRoutes } from './asset-api-routes.js';
import { authRoutes } from './auth-routes.js';
import { deviceRoutes } from './device-routes.js';
import { deviceHistoryRoutes } from './device-history-routes.js';
import { createDevicesAdmin } from '../../services/admin/devices-admin.js';
import { deviceHealthRoutes } from './device-health-routes.js';
import { enrollRoute } from './enroll-route.js';
import { opsRoutes } from './ops-routes.js';
import { openApiRoute } from '../openapi/openapi-route.js';
import type { ApiTokenService } from '../../services/integrations/api-tokens.js';
import { apiTokenRoutes } from './api-token-routes.js';
import type { HubEvents } from '../../services/integrations/hub-events.js';
import { searchRoutes } from './search-routes.js';
import type { SearchService } from '../../services/search/search-service.js';
import type { WebhookService } from '../../services/integrations/webhook-service.js';
import { webhookRoutes } from './webhook-routes.js';

export interface ApiRoutesDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: MetricsRegistry;
  config: HubConfig;
  auth: AuthService;
  fleet: FleetQueries;
  /** The audit log: services record technician actions with `audit.record(actor, action, target, details)`. */
  audit: AuditService;
  secretBox: SecretBox;
  /** Live-socket side effects of access changes (ending sessions, dropping revoked devices). */
  realtime: AccessRoutesDeps['realtime'];
  /** SHA-256 fingerprint of the hub's TLS certificate, handed to enrolling agents to pin. */
  tlsFingerprint?: string;
  /** Health alerts and policies (alert and policy routes); absent: none. */
  alerting?: Alerting;
  /** The ticket desk: tickets, incidents, canned responses, SLA settings; absent: no such routes. */
  tickets?: TicketService;
  /** API tokens for scripts; absent: no token routes. */
  apiTokens?: ApiTokenService;
  /** Integration events (enrolments and merges are reported here); absent: not reported. */
  events?: HubEvents;
  /** The global search (devices, tickets, alerts, people, software, articles); absent: no route. */
  search?: SearchService;
  /** The knowledge base; absent: no such routes. */
  kb?: KbService;
  /** Event webhooks; absent: no webhook routes. */
  webhooks?: WebhookService;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Every HTTP API route of the hub. */
export function apiRoutes(deps: ApiRoutesDeps): Route[] {
  const limiter = (name: string, maxAttempts: number) => createAttemptLimiter({ attempts: deps.store.attempts, clock: deps.clock, name, maxAttempts, windowMs: FIFTEEN_MINUTES });
  const throttle = createLoginThrottle({ attempts: deps.store.attempts, clock: deps.clock, tag: (text) => deps.secretBox.tag(text) });
  const routes: Route[] = [
    ...authRoutes(deps.auth, throttle, (ids, reason) => deps.realtime.endSessions(ids, reason)),
    enrollRoute(
      {
        store: deps.store,
        clock: deps.clock,
        logger: deps.logger.child({ component: 'enrollment' }),
        config: deps.config,
        onEnrolled: (deviceId, keyHash) => deps.realtime.deviceEnrolled(deviceId, keyHash),
        ...(deps.tlsFingerprint ? { tlsFingerprint: deps.tlsFingerprint } : {}),
      },
      limiter('enroll-address', 30),
      deps.events ? (id) => deps.events?.deviceEnrolled(id) : undefined,
    ),
    ...accessRoutes(deps),
    ...assetApiRoutes({
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      fleet: deps.fleet,
      audit: (e) => deps.audit.record({ id: e.actorId, name: e.actorName }, e.action, e.target, e.details),
    }),
    ...deviceRoutes(deps.fleet),
    ...deviceHistoryRoutes(
      deps.store,
      createDevicesAdmin({
        store: deps.store,
        clock: deps.clock,
        logger: deps.logger.child({ component: 'admin' }),
        audit: deps.audit,
        endSessions: (ids, reason) => deps.realtime.endSessions(ids, reason),
        deviceRevoked: (id) => deps.realtime.deviceRevoked(id),
      }),
      deps.events ? (from, intoId) => deps.events?.deviceMerged(from, intoId) : undefined,
    ),
    ...deviceHealthRoutes(deps.store, deps.clock),
    ...opsRoutes(deps.store, deps.metrics, deps.logger),
    ...(deps.alerting ? alertingRoutes(deps.store, deps.alerting) : []),
    ...(deps.search ? searchRoutes(deps.search) : []),
    ...(deps.tickets ? [...ticketRoutes(deps.tickets), ...incidentRoutes(deps.tickets)] : []),
    ...(deps.kb ? kbRoutes(deps.kb) : []),
    ...activityReportRoutes({
      store: deps.store,
      clock: deps.clock,
      ...(deps.tickets ? { sla: ((sla) => () => sla.current())(deps.tickets.sla) } : {}),
      audit: (actor, action, target, details) => deps.audit.record(actor, action, target, details),
    }),
  ];
  if (deps.apiTokens) routes.push(...apiTokenRoutes(deps.apiTokens));
  if (deps.webhooks) routes.push(...webhookRoutes(deps.webhooks));
  routes.push(openApiRoute(() => routes, `protocol ${PROTOCOL_VERSION}`));
  return routes;
}
