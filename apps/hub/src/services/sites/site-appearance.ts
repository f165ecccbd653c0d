import { createHash } from 'node:crypto';
import {
  EMPTY_BRANDING,
  EmployeeLanguageSchema,
  SiteBrandingSchema,
  type AgentSiteAppearance,
  type SiteAppearance,
  type SiteAppearanceSyncAck,
  type SiteAppearanceUpdate,
} from '@deskside/protocol';
import type { SiteAppearanceRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { seesSite } from '../access/site-scope.js';
import type { AuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import { checkBranding } from './branding-checks.js';

/** The stamp of a site that never set an appearance. */
export const DEFAULT_APPEARANCE_STAMP = 'default';

/** A site's tray branding and default language: set in the console, read by the site's agents. */
export interface SiteAppearanceService {
  /** The appearance of a site `who` may see (defaults when never set). */
  get(who: AuthenticatedUser, siteId: string): Promise<SiteAppearance>;
  /** Replaces it (checked, audited) and tells the site's agents to fetch it again. */
  set(who: AuthenticatedUser, siteId: string, update: SiteAppearanceUpdate): Promise<SiteAppearance>;
  /** An agent's read: the appearance of its site, or `null` when its copy (`since`) is current. */
  forAgent(siteId: string, since: string | null): Promise<SiteAppearanceSyncAck>;
}

export interface SiteAppearanceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  /** After commit: the agents of this site should ask again (`site:appearance-changed`). */
  changed(siteId: string): void;
}

export function createSiteAppearanceService(deps: SiteAppearanceDeps): SiteAppearanceService {
  const { store } = deps;

  const visibleSite = async (who: AuthenticatedUser, siteId: string): Promise<void> => {
    // One answer for "no such site" and "not yours": a scoped user learns nothing of other sites.
    if (!seesSite(who, siteId) || !(await store.sites.findById(siteId))) throw new ServiceError('not_found', 'No such site.');
  };

  return {
    async get(who, siteId) {
      await visibleSite(who, siteId);
      const record = await store.siteAppearance.get(siteId);
      return present(siteId, record, deps.logger);
    },

    async set(who, siteId, update) {
      await visibleSite(who, siteId);
      const branding = checkBranding(update.branding);
      const content = { branding, language: update.language } satisfies AgentSiteAppearance;
      const json = JSON.stringify(branding);
      const user = await store.users.findById(who.userId);
      const name = user?.displayName ?? user?.username ?? 'administrator';
      const record: SiteAppearanceRecord = {
        siteId,
        branding: json,
        language: update.language,
        stamp: stampOf(content),
        updatedAt: deps.clock(),
        updatedBy: name,
      };
      await store.transaction(async (tx) => {
        await tx.siteAppearance.put(record);
        // The logo's bytes stay out of the audit log: its size and type say what changed.
        await deps.audit.recordIn(tx, { id: who.userId, name: user?.username ?? who.userId }, 'site.appearance', `site:${siteId}`, {
          ...branding,
          logo: branding.logo ? { mediaType: branding.logo.mediaType, bytes: Buffer.byteLength(branding.logo.dataBase64, 'base64') } : null,
          language: update.language,
        });
      });
      deps.changed(siteId);
      return present(siteId, record, deps.logger);
    },

    async forAgent(siteId, since) {
      const stamp = (await store.siteAppearance.stamp(siteId)) ?? DEFAULT_APPEARANCE_STAMP;
      if (since === stamp) return { stamp, appearance: null };
      const { branding, language } = present(siteId, await store.siteAppearance.get(siteId), deps.logger);
      return { stamp, appearance: { branding, language } };
    },
  };
}

function stampOf(content: AgentSiteAppearance): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 32);
}

/** Row → wire; a row that no longer parses (hand-edited, older build) falls back to the defaults. */
function present(siteId: string, record: SiteAppearanceRecord | undefined, logger: Logger): SiteAppearance {
  if (!record) return { siteId, branding: EMPTY_BRANDING, language: null, updatedAt: null, updatedBy: null };
  const branding = SiteBrandingSchema.safeParse(parseJson(record.branding));
  const language = EmployeeLanguageSchema.nullable().safeParse(record.language);
  if (!branding.success || !language.success) logger.warn('stored site appearance ignored: not in the expected shape', { siteId });
  return {
    siteId,
    branding: branding.success ? branding.data : EMPTY_BRANDING,
    language: language.success ? language.data : null,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
