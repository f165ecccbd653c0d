import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Repositories } from '../types.js';
import type { HotStatements } from '../sqlite/hot-statements.js';
import { createAssetRepository } from '../assets/asset-repository.js';
import { createGroupRepository } from '../assets/group-repository.js';
import { createAlertRepository } from '../alerts/alerts-repository.js';
import { createDeviceHealthRepository, createHealthPolicyRepository } from '../alerts/policy-repository.js';
import { createNotificationOutboxRepository } from '../alerts/notification-outbox-repository.js';
import { createAttemptCounterRepository } from './attempt-counters.js';
import { createAuditRepository } from './audit-log.js';
import { createDeviceApprovalRepository } from './device-approvals.js';
import { createDeviceRepository } from './devices.js';
import { createEnrollTokenRepository } from './enroll-tokens.js';
import { createHealthSampleRepository } from './health-samples.js';
import { createInventoryRepository } from './inventory.js';
import { createProcessedMessageRepository } from './processed-messages.js';
import { createSessionRepository } from './sessions.js';
import { createSettingsRepository } from './settings.js';
import { createSiteRepository } from './sites.js';
import { createTotpRepository } from './totp.js';
import { createUserRepository } from './users.js';
import { createTicketRepositories } from '../tickets/create-ticket-repositories.js';
import { createHistoryRepositories } from '../history/history-repositories.js';
import { createHealthRollupRepository } from '../maintenance/health-rollup-repository.js';
import { createKbActivityRepository } from '../kb/kb-activity-repository.js';
import { createKbArticleRepository } from '../kb/kb-article-repository.js';
import { createApiTokenRepository } from '../integrations/api-token-repository.js';
import { createWebhookRepository } from '../integrations/webhook-repository.js';
import { createAgentReleaseRepository } from '../releases/agent-release-repository.js';
import { createSearchRepository } from '../search/search-repository.js';
import { createFixRunRepository } from '../fixes/fix-run-repository.js';
import { createMailRepository } from '../mail/mail-repository.js';
import { createSiteAppearanceRepository } from '../sites/site-appearance-repository.js';

/**
 * Every repository over one database handle: the store itself, or a transaction. `hot`: prepared
 * SQLite statements for the heartbeat path, given only to a transaction's repositories.
 */
export function createRepositories(db: Kysely<Database>, hot?: HotStatements): Repositories {
  return {
    ...createTicketRepositories(db),
    ...createHistoryRepositories(db),
    sites: createSiteRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    enrollTokens: createEnrollTokenRepository(db),
    devices: createDeviceRepository(db),
    inventory: createInventoryRepository(db),
    health: createHealthSampleRepository(db, hot),
    messages: createProcessedMessageRepository(db, hot),
    settings: createSettingsRepository(db),
    assets: createAssetRepository(db),
    groups: createGroupRepository(db),
    totp: createTotpRepository(db),
    deviceApprovals: createDeviceApprovalRepository(db),
    audit: createAuditRepository(db),
    alerts: createAlertRepository(db),
    notifications: createNotificationOutboxRepository(db),
    healthPolicies: createHealthPolicyRepository(db),
    deviceHealth: createDeviceHealthRepository(db),
    healthRollups: createHealthRollupRepository(db),
    kbArticles: createKbArticleRepository(db),
    kbActivity: createKbActivityRepository(db),
    apiTokens: createApiTokenRepository(db),
    webhooks: createWebhookRepository(db),
    mail: createMailRepository(db),
    agentReleases: createAgentReleaseRepository(db),
    search: createSearchRepository(db),
    attempts: createAttemptCounterRepository(db),
    fixRuns: createFixRunRepository(db),
    siteAppearance: createSiteAppearanceRepository(db),
  };
}
