import { channelRoutes } from './channel-routes.js';
import { PROTOCOL_VERSION } from '@deskside/protocol';
import type { HubServices } from '../../compose.js';
import { agentDownloadRoutes } from './agent-download-routes.js';
import type { Route } from '../router.js';
import { alertingRoutes } from './alerting-routes.js';
import { incidentRoutes } from './incident-routes.js';
import { ticketRoutes } from './ticket-routes.js';
import { activityReportRoutes } from './activity-report-routes.js';
import { accessRoutes } from './access-routes.js';
import { assetApiRoutes } from './asset-api-routes.js';
import { authRoutes } from './auth-routes.js';
import { deviceRoutes } from './device-routes.js';
import { deviceHistoryRoutes } from './device-history-routes.js';
import { deviceHealthRoutes } from './device-health-routes.js';
import { enrollRoute } from './enroll-route.js';
import { opsRoutes } from './ops-routes.js';
import { openApiRoute } from '../openapi/openapi-route.js';
import { apiTokenRoutes } from './api-token-routes.js';
import { webhookRoutes } from './webhook-routes.js';
import { searchRoutes } from './search-routes.js';
import { kbRoutes } from './kb-routes.js';
import { agentReleaseRoutes } from './agent-release-routes.js';
import { siteAppearanceRoutes } from './site-appearance-routes.js';
import { fixRoutes } from './fix-routes.js';

/** Every HTTP API route of the hub, over the services the composition root built (routes build none). */
export function apiRoutes(services: HubServices): Route[] {
  const { store, clock, audit, tickets, alerting } = services;
  const routes: Route[] = [
    ...authRoutes(services.auth, services.loginThrottle, (ids, reason) => services.events.emit('sessionsEnded', ids, reason)),
    enrollRoute(
      {
        store,
        clock,
        logger: services.logger.child({ component: 'enrollment' }),
        config: services.config,
        onEnrolled: (deviceId, keyHash) => services.events.emit('deviceEnrolled', deviceId, keyHash),
        ...(services.tlsFingerprint ? { tlsFingerprint: services.tlsFingerprint } : {}),
        actionKey: services.fixes.publicKey,
      },
      services.enrollLimiter,
      (id) => services.integrationEvents.deviceEnrolled(id),
    ),
    ...accessRoutes(services.admin, audit),
    ...siteAppearanceRoutes(services.siteAppearance),
    ...assetApiRoutes(services),
    ...deviceRoutes(services.fleet),
    ...deviceHistoryRoutes(
      services.deviceViews,
      services.admin.devices,
      (from, intoId) => services.integrationEvents.deviceMerged(from, intoId),
    ),
    ...deviceHealthRoutes(services.deviceViews, clock),
    ...opsRoutes(services.database, services.metrics, services.logger),
    ...agentDownloadRoutes(services.agentInstallers),
    ...(alerting ? alertingRoutes(services, alerting) : []),
    ...agentReleaseRoutes(services.agentReleases, services.agentUpdateFiles),
    ...searchRoutes(services.search),
    ...kbRoutes(services.kb),
    ...fixRoutes(services.fixes, services.fixBulk),
    ...(tickets ? [...ticketRoutes(tickets), ...incidentRoutes(tickets)] : []),
    ...activityReportRoutes(services.activityReports),
  ];
  routes.push(...apiTokenRoutes(services.apiTokens));
  routes.push(...webhookRoutes(services.webhooks));
  routes.push(...channelRoutes(services.mailStatus));
  routes.push(openApiRoute(() => routes, `protocol ${PROTOCOL_VERSION}`));
  return routes;
}
