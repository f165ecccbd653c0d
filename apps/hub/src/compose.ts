import { join } from 'node:path';
import type { Store } from '@deskside/store';
import type { Clock } from './clock.js';
import type { HubConfig } from './config.js';
import type { Logger } from './log/logger.js';
import type { MetricsRegistry } from './metrics/registry.js';
import { createActors, type Actors } from './services/access/actor.js';
import { createAdminServices, type AdminServices } from './services/admin/admin-services.js';
import { createAlerting, type Alerting } from './services/alerts/create-alerting.js';
import { withDeviceAlerts } from './services/alerts/device-alerts.js';
import { HubChecks } from './services/alerts/hub-checks.js';
import { monotonicIds, type MailChannelStatus } from '@deskside/protocol';
import { createAssetService, type AssetService } from './services/assets/asset-service.js';
import { createFleetViews, type FleetViews } from './services/assets/fleet-views.js';
import type { AssetAuditHook } from './services/assets/audit-hook.js';
import { createGroupService, type GroupService } from './services/assets/group-service.js';
import { createAuditService, type AuditService } from './services/audit/audit-service.js';
import { createAttemptLimiter, type AttemptLimiter } from './services/auth/attempt-limiter.js';
import { createAuthService, type AuthService } from './services/auth/auth-service.js';
import type { AuthenticatedUser } from './services/auth/session.js';
import { createLoginThrottle, type LoginThrottle } from './services/auth/login-throttle.js';
import { createSecretBox, loadOrCreateSecretKey, type SecretBox } from './services/auth/secret-box.js';
import { createAgentCredentials, type AgentCredentials } from './services/enrollment/agent-credentials.js';
import { hashDeviceKey } from './services/enrollment/device-key.js';
import { createDomainEvents, type DomainEvents } from './services/events/domain-events.js';
import { createDeviceViews, type DeviceViews } from './services/fleet/device-views.js';
import { createDeviceIndex } from './services/search/device-index.js';
import { createFleetQueries, type FleetQueries, type FleetQueryService } from './services/fleet/fleet-queries.js';
import { createAgentIngest, type AgentIngest } from './services/ingest/agent-ingest.js';
import { createHeartbeatBatcher, type HeartbeatBatcher } from './services/ingest/heartbeat-batch.js';
import { createMaintenanceJob, type MaintenanceJob } from './services/maintenance/maintenance-job.js';
import { createJobLeadership, LEASE_POLL_MS, type JobLeadership } from './services/cluster/job-leadership.js';
import { countHubEvents } from './services/integrations/event-metrics.js';
import { createHubEvents, type HubEvents } from './services/integrations/hub-events.js';
import { WebhookDispatcher } from './services/integrations/webhook-dispatcher.js';
import { createWebhookService, type WebhookService } from './services/integrations/webhook-service.js';
import { API_TOKEN_PREFIX, createApiTokenService, type ApiTokenService } from './services/integrations/api-tokens.js';
import { parseWebhookUrl } from './services/notify/webhook-url.js';
import { PresenceFlusher } from './services/presence/presence-flusher.js';
import { PresenceTracker } from './services/presence/presence-tracker.js';
import { createKb, type KbService } from './services/kb/create-kb.js';
import { KbImageFiles } from './services/kb/kb-images.js';
import { createUploadBudget, type UploadBudget } from './services/uploads/upload-budget.js';
import { articleSearchProvider } from './services/kb/kb-search-provider.js';
import { createSearch } from './services/search/create-search.js';
import type { SearchService } from './services/search/search-service.js';
import { databaseProbe, type DatabaseProbe } from './services/ops/database-probe.js';
import { createActivityReports, type ActivityReports } from './services/reports/activity-reports.js';
import { createSoftwareReport, type SoftwareReport } from './services/reports/software-report.js';
import { createTicketDesk } from './services/tickets/create-ticket-desk.js';
import type { TicketNotifier } from './services/tickets/ticket-deps.js';
import type { TicketService } from './services/tickets/ticket-service.js';
import { installerDir, type InstallerDir } from './services/agent-installers/installer-dir.js';
import { createReleaseService, type ReleaseService } from './services/agent-releases/release-service.js';
import { updateFiles, type UpdateFiles } from './services/agent-releases/update-files.js';
import { createMailChannel, createMailOutgoing, type MailChannel } from './services/channels/mail/create-mail-channel.js';
import { createMailChannelStatus } from './services/channels/mail/mail-channel-status.js';
import { createSiteAppearanceService, type SiteAppearanceService } from './services/sites/site-appearance.js';
import { createFixService, type FixService } from './services/fixes/fix-service.js';
import { loadOrCreateFixSigner } from './services/fixes/fix-signing-key.js';
import { createFixBulk, type FixBulk } from './services/fixes/fix-bulk.js';
import { groupsFor } from './services/assets/group-scope.js';

export interface ComposeDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: MetricsRegistry;
  config: HubConfig;
  /** SHA-256 fingerprint of the hub's TLS certificate, handed to enrolling agents to pin. */
  tlsFingerprint?: string;
  /** Test harnesses leave these out to exercise the bare agent path; the hub always has both. */
  features?: { alerting?: boolean; tickets?: boolean };
  /** Tests pass one; by default it lives in the data directory. */
  secretBox?: SecretBox;
}

/**
 * Every service of one hub, built once by `composeServices` and frozen. HTTP routes and realtime
 * handlers receive this record and construct nothing.
 */
export interface HubServices {
  readonly config: HubConfig;
  /** The agent installers an admin placed in DATA_DIR/agent-installers/ (Deploy page, downloads). */
  readonly agentInstallers: InstallerDir;
  /** Update files in DATA_DIR/agent-updates/ (uploaded or placed), served to updating agents. */
  readonly agentUpdateFiles: UpdateFiles;
  /** Agent releases: signed metadata, rollout rings, what each device should run (#17). */
  readonly agentReleases: ReleaseService;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  /** Strictly increasing ULIDs for everything the hub creates. */
  readonly newId: () => string;
  /** After-commit announcements (tickets changed, sessions ended, presence) for the live side. */
  readonly events: DomainEvents;
  /** Integration events (metrics counters, webhooks), read back from what the services committed. */
  readonly integrationEvents: HubEvents;
  /** Event webhooks: subscriptions, and their durable deliveries. */
  readonly webhooks: WebhookService;
  readonly webhookDispatcher: WebhookDispatcher;
  /**
   * The store, for the code not yet moved behind a service (issue #11). New routes and handlers
   * must not use it: lint forbids importing the store there.
   */
  readonly store: Store;
  readonly tlsFingerprint: string | undefined;
  readonly hashDeviceKey: (key: string) => string;
  /** The enrolled devices' credentials, for the `/agent` handshake. */
  readonly agentCredentials: AgentCredentials;
  /** `/healthz`: the database engine and whether it answers. */
  readonly database: DatabaseProbe;
  /** The acting user of a request (one naming rule for histories, usernames for the audit log). */
  readonly actors: Actors;
  readonly audit: AuditService;
  /** The audit hook in the assets' shape (asset edits, groups, exports). */
  readonly assetAudit: AssetAuditHook;
  readonly secretBox: SecretBox;
  readonly auth: AuthService;
  readonly apiTokens: ApiTokenService;
  /** An HTTP bearer token: an API token (its creator, narrowed) or a console session. */
  readonly authenticateBearer: (token: string) => Promise<AuthenticatedUser | undefined>;
  readonly loginThrottle: LoginThrottle;
  readonly enrollLimiter: AttemptLimiter;
  readonly admin: AdminServices;
  /** Per-site tray branding and default language (console form, agents' `site:appearance`). */
  readonly siteAppearance: SiteAppearanceService;
  readonly presence: PresenceTracker;
  readonly presenceFlusher: PresenceFlusher;
  /** Fleet reads with live presence (the console feed, `fleet:watch`). */
  readonly fleetQueries: FleetQueryService;
  /** Fleet reads for the device routes: the detail carries open alerts when alerting is on. */
  readonly fleet: FleetQueries;
  /** One device's records as a technician reads them (health rollups, inventory changes), site-scoped. */
  readonly deviceViews: DeviceViews;
  /** The fleet as exports and the software report select it. */
  readonly fleetViews: FleetViews;
  readonly heartbeats: HeartbeatBatcher;
  /** Every agent write as a use case (services/ingest): the socket handlers only parse, call, answer. */
  readonly ingest: AgentIngest;
  readonly groups: GroupService;
  readonly assets: AssetService;
  readonly softwareReport: SoftwareReport;
  /** The activity report of a period (JSON and the audited CSV). */
  readonly activityReports: ActivityReports;
  /** The knowledge base: articles, the tray's self-help, ticket links, the report. */
  readonly kb: KbService;
  /** Storage each device and each user may upload per day (every upload path reserves here first). */
  readonly uploads: UploadBudget;
  /** The global search (devices, tickets, alerts, people, software, articles), site-scoped. */
  readonly search: SearchService;
  readonly alerting: Alerting | undefined;
  /** The hub's own health checks (offline devices, watched inventory changes); with alerting. */
  readonly hubChecks: HubChecks | undefined;
  readonly tickets: TicketService | undefined;
  /** The e-mail channel (--mailbox, --smtp): mailbox readers and the mail outbox. */
  readonly mail: MailChannel;
  /** The e-mail channel's health page (mailboxes as this hub sees them, the latest outgoing mails). */
  readonly mailStatus: () => Promise<MailChannelStatus>;
  /** Consented fixes: the signed catalogue, runs and their results (issue #18). */
  readonly fixes: FixService;
  /** A fix for every device of a group (preview, then one run each). */
  readonly fixBulk: FixBulk;
  readonly maintenance: MaintenanceJob;
  /** Which cluster-wide jobs this hub runs now (PostgreSQL advisory locks; on SQLite: all of them). */
  readonly leadership: JobLeadership;
  /** Stops what the services run on their own (alert notifier); the store is the caller's. */
  close(): Promise<void>;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** The composition root of the hub's services: each is built once, in dependency order. */
export async function composeServices(deps: ComposeDeps): Promise<HubServices> {
  const { store, clock, logger, config } = deps;
  const features = { alerting: true, tickets: true, ...deps.features };
  const newId = monotonicIds(() => clock().getTime());
  const events = createDomainEvents();
  // Cluster-wide jobs run on the hub holding their lease (always this one on SQLite).
  const leadership = createJobLeadership({ leases: store.openJobLeases(), logger: logger.child({ component: 'cluster' }) });
  await leadership.poll();
  // Several hubs share the outboxes only on PostgreSQL; one SQLite hub sends without polling.
  const webhooksLeader = store.postgresPool !== undefined ? { leads: () => leadership.leads('webhooks'), pollMs: LEASE_POLL_MS } : undefined;
  const audit = createAuditService({ store, clock, logger: logger.child({ component: 'audit' }) });
  const assetAudit: AssetAuditHook = (e) => audit.record({ id: e.actorId, name: e.actorName }, e.action, e.target, e.details);
  const secretBox = deps.secretBox ?? createSecretBox(loadOrCreateSecretKey(config.dataDir));
  const auth = createAuthService({ store, clock, logger: logger.child({ component: 'auth' }), sessionHours: config.sessionHours, secretBox, audit });
  const apiTokens = createApiTokenService({ store, clock, audit });
  const groups = createGroupService({ store, clock, newId, audit: assetAudit });
  const membership = { groupsOfDevice: (id: string) => groups.groupsOfDevice(id), exists: async (id: string) => (await groups.get(id)) !== undefined };
  const webhook = config.alertWebhook ? parseWebhookUrl(config.alertWebhook) : undefined;
  const buildAlerting = (tickets?: Parameters<typeof createAlerting>[0]['tickets']): Promise<Alerting> =>
    createAlerting({ store, clock, logger, groups: membership, ...(tickets ? { tickets } : {}), ...(webhook ? { webhook } : {}), ...(webhooksLeader ? { cluster: webhooksLeader } : {}) });

  let tickets: TicketService | undefined;
  let alerting: Alerting | undefined;
  const mailOut = createMailOutgoing(config, newId);
  if (features.tickets) {
    const notifier: TicketNotifier = {
      ticketsChanged: (ids) => events.emit('ticketsChanged', ids),
      employeeTicketChanged: (deviceId, ticket) => events.emit('employeeTicketChanged', deviceId, ticket),
    };
    const desk = await createTicketDesk({ store, clock, logger, newId, dataDir: config.dataDir, notifier, audit, ...(mailOut ? { mail: mailOut } : {}) }, (hook) =>
      features.alerting ? buildAlerting(hook) : undefined,
    );
    tickets = desk.service;
    alerting = desk.alerting;
  } else if (features.alerting) {
    alerting = await buildAlerting();
  }

  const integrationEvents = createHubEvents({ store, clock, logger: logger.child({ component: 'events' }), presentTickets: (records) => tickets?.queries.present(records) ?? Promise.resolve([]) });
  events.on('ticketsChanged', (ids) => integrationEvents.ticketsChanged(ids));
  events.on('deviceStatusChanged', (id, status) => integrationEvents.deviceStatus(id, status));
  alerting?.alerts.onChange({ changed: (ids) => integrationEvents.alertsChanged(ids), notificationsQueued: () => undefined });
  countHubEvents(deps.metrics, integrationEvents);
  const outcomes = deps.metrics.counter('deskside_webhook_deliveries_total', 'Event webhook delivery attempts, by format and outcome (sent, retry, dead).', ['format', 'outcome']);
  const webhookDispatcher = new WebhookDispatcher({ store, clock, logger: logger.child({ component: 'webhooks' }), secretBox, outcomes, ...(webhooksLeader ? { cluster: webhooksLeader } : {}) });
  const webhooks = createWebhookService({ store, clock, logger: logger.child({ component: 'webhooks' }), audit, secretBox, events: integrationEvents, dispatcher: webhookDispatcher });

  const presence = new PresenceTracker(config, {
    onStatusChange: (id, status) => events.emit('deviceStatusChanged', id, status),
    onStale: (id) => events.emit('deviceStale', id),
  });
  // One in-memory device index for the global search and the fleet list's text filter.
  const deviceIndex = createDeviceIndex(store, () => clock().getTime());
  const fleetQueries = createFleetQueries({ store, presence, clock, index: deviceIndex });
  const hubChecks = alerting ? new HubChecks({ store, clock, logger: logger.child({ component: 'realtime' }), alerts: alerting.alerts, policies: alerting.policies, presence }) : undefined;
  if (hubChecks) events.on('deviceStatusChanged', (id, status) => hubChecks.onStatusChange(id, status));

  const actors = createActors(store.users);
  const heartbeats = createHeartbeatBatcher(store);
  const uploads = createUploadBudget(store.attempts, config.uploadLimits);
  const kb = createKb({ store, clock, audit, newId, images: new KbImageFiles(config.dataDir), uploads });
  const ingest = createAgentIngest({ store, logger: logger.child({ component: 'realtime' }), events, presence, heartbeats, alerts: alerting?.alerts, hubChecks, tickets, kb });

  const agentUpdateFiles = updateFiles(join(config.dataDir, 'agent-updates'));
  const mail = createMailChannel({ store, clock, logger, config, intake: tickets?.intake, out: mailOut, leads: () => leadership.leads('mail') });
  const mailStatus = createMailChannelStatus({ mail, store, leads: () => leadership.leads('mail') });
  // Mail is queued in ticket transactions; a committed change is the moment to look at the outbox.
  if (mail.dispatcher) {
    const dispatcher = mail.dispatcher;
    events.on('ticketsChanged', () => dispatcher.wake());
  }
  const fixes = createFixService({
    store,
    clock,
    logger: logger.child({ component: 'fixes' }),
    newId,
    audit,
    events,
    signer: await loadOrCreateFixSigner(store.settings, secretBox),
    presence,
    groupsOfDevice: (id) => groups.groupsOfDevice(id),
    tickets,
    limiter: createAttemptLimiter({ attempts: store.attempts, clock, name: 'fix-requests', maxAttempts: 30, windowMs: FIFTEEN_MINUTES }),
  });

  const services: HubServices = {
    config,
    agentInstallers: installerDir(join(config.dataDir, 'agent-installers')),
    agentUpdateFiles,
    agentReleases: createReleaseService({ store, clock, newId, audit, files: agentUpdateFiles, groupsOfDevice: (id) => groups.groupsOfDevice(id) }),
    clock,
    logger,
    metrics: deps.metrics,
    newId,
    events,
    integrationEvents,
    webhooks,
    webhookDispatcher,
    store,
    tlsFingerprint: deps.tlsFingerprint,
    hashDeviceKey,
    agentCredentials: createAgentCredentials(store),
    database: databaseProbe(store),
    actors,
    audit,
    assetAudit,
    secretBox,
    auth,
    apiTokens,
    authenticateBearer: (token) => (token.startsWith(API_TOKEN_PREFIX) ? apiTokens.authenticate(token) : auth.authenticate(token)),
    loginThrottle: createLoginThrottle({ attempts: store.attempts, clock, tag: (text) => secretBox.tag(text) }),
    enrollLimiter: createAttemptLimiter({ attempts: store.attempts, clock, name: 'enroll-address', maxAttempts: 30, windowMs: FIFTEEN_MINUTES }),
    admin: createAdminServices({ store, clock, logger: logger.child({ component: 'admin' }), audit, secretBox, events }),
    siteAppearance: createSiteAppearanceService({ store, clock, logger: logger.child({ component: 'sites' }), audit, changed: (siteId) => events.emit('siteAppearanceChanged', siteId) }),
    presence,
    presenceFlusher: new PresenceFlusher(store, presence, logger.child({ component: 'realtime' })),
    fleetQueries,
    fleet: alerting ? withDeviceAlerts(fleetQueries, alerting.alerts) : fleetQueries,
    deviceViews: createDeviceViews(store),
    fleetViews: createFleetViews({ store, clock, present: fleetQueries.present }),
    heartbeats,
    ingest,
    groups,
    assets: createAssetService({ store, clock, newId, audit: assetAudit }),
    softwareReport: createSoftwareReport({ store }),
    activityReports: createActivityReports({ store, clock, actors, audit, ...(tickets ? { sla: ((sla) => () => sla.current())(tickets.sla) } : {}) }),
    kb,
    uploads,
    search: createSearch(store, logger.child({ component: 'search' }), () => clock().getTime(), [articleSearchProvider(store)], deviceIndex),
    alerting,
    hubChecks,
    tickets,
    mail,
    mailStatus,
    fixes,
    fixBulk: createFixBulk({ store, presence, fixes, groupDevices: async (user, groupId) => (await groupsFor(groups, user).get(groupId), groups.devicesInGroup(groupId)) }),
    maintenance: createMaintenanceJob({
      store,
      clock,
      logger: logger.child({ component: 'maintenance' }),
      retention: config.retention,
      heartbeatSeconds: config.heartbeatSeconds,
      leads: () => leadership.leads('maintenance'),
    }),
    leadership,
    async close() {
      await integrationEvents.settle();
      await webhooks.close();
      await webhookDispatcher.close();
      await mail.close();
      await alerting?.close();
      await leadership.close();
    },
  };
  return Object.freeze(services);
}
