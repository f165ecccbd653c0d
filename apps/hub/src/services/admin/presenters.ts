import type { AdminUser, EnrollToken, SessionInfo, Site } from '@deskside/protocol';
import type { EnrollTokenRecord, SessionRecord, SiteRecord, UserRecord } from '@deskside/store';

// Rows to wire objects. Nothing secret (hashes, TOTP seeds) is ever copied across.

export function toAdminUser(user: UserRecord, totpEnabled: boolean): AdminUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    tier: user.tier,
    siteIds: user.siteIds,
    totpEnabled,
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
  };
}

export function toEnrollToken(token: EnrollTokenRecord): EnrollToken {
  return {
    id: token.id,
    siteId: token.siteId,
    label: token.label.slice(0, 128),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    maxUses: token.maxUses,
    uses: token.uses,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export function toSite(site: SiteRecord): Site {
  return { id: site.id, name: site.name, createdAt: site.createdAt.toISOString() };
}

export function toSessionInfo(session: SessionRecord, currentId: string): SessionInfo {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    revokedAt: session.revokedAt?.toISOString() ?? null,
    current: session.id === currentId,
  };
}
