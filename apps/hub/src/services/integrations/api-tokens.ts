import { newId, type ApiToken, type ApiTokenScope, type CreateApiTokenRequest, type CreatedApiToken } from '@deskside/protocol';
import type { ApiTokenRecord, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import { RateBuckets } from './rate-buckets.js';
import { can } from '../access/permissions.js';
import { SCOPE_ACTIONS } from '../access/token-scopes.js';
import type { AuditService } from '../audit/audit-service.js';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';

/** Every API token starts so; session tokens never do. */
export const API_TOKEN_PREFIX = 'dsk_';

export interface ApiTokenServiceDeps {
  store: Store;
  clock: Clock;
  audit: AuditService;
  /** Requests per minute one token may make (default 600, bursts up to that). */
  perMinute?: number;
}

/** API tokens for scripts: created by admins, shown once, stored hashed, revocable, audited. */
export interface ApiTokenService {
  list(): Promise<ApiToken[]>;
  create(who: AuthenticatedUser, request: CreateApiTokenRequest): Promise<CreatedApiToken>;
  revoke(who: AuthenticatedUser, id: string): Promise<ApiToken>;
  /**
   * The creator behind a live token, as they are now, with sites narrowed to the token's; undefined
   * for an unknown, expired or revoked token or a disabled creator. Throws `rate_limited` past the
   * token's budget and `forbidden` when the creator no longer sees any of the token's sites.
   */
  authenticate(token: string): Promise<AuthenticatedUser | undefined>;
}

const TOKEN_RE = /^dsk_[A-Za-z0-9_-]{40,64}$/;
const TOUCH_EVERY_MS = 60_000;

export function createApiTokenService(deps: ApiTokenServiceDeps): ApiTokenService {
  const perMinute = deps.perMinute ?? 600;
  const buckets = new RateBuckets(perMinute / 60, perMinute);
  const touched = new Map<string, number>();
  const names = async (ids: readonly string[]) => {
    const out = new Map<string, string>();
    for (const id of new Set(ids)) {
      const u = await deps.store.users.findById(id);
      out.set(id, u ? u.displayName || u.username : 'deleted user');
    }
    return out;
  };
  const present = (r: ApiTokenRecord, name: string): ApiToken => ({
    id: r.id,
    label: r.label,
    prefix: r.prefix,
    scopes: r.scopes.filter((s): s is ApiTokenScope => Object.hasOwn(SCOPE_ACTIONS, s)),
    siteIds: r.siteIds,
    createdBy: { id: r.createdBy, name: name.slice(0, 128) },
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  });
  const actor = async (who: AuthenticatedUser) => ({ id: who.userId, name: (await names([who.userId])).get(who.userId) ?? who.userId });

  return {
    async list() {
      const records = await deps.store.apiTokens.list();
      const byId = await names(records.map((r) => r.createdBy));
      return records.map((r) => present(r, byId.get(r.createdBy) ?? r.createdBy));
    },

    async create(who, request) {
      const now = deps.clock();
      // A token can never do more than its creator: every scope within the creator's role...
      const beyond = request.scopes.filter((scope) => !SCOPE_ACTIONS[scope].some((action) => can(who, action)));
      if (beyond.length > 0) throw new ServiceError('forbidden', `Your role cannot grant ${beyond.join(', ')}.`);
      // ...and every site within the creator's.
      const siteIds = [...new Set(request.siteIds ?? [])];
      if (who.siteIds.length > 0 && siteIds.some((s) => !who.siteIds.includes(s))) throw new ServiceError('forbidden', 'A token can only be limited to sites you see.');
      for (const siteId of siteIds) if (!(await deps.store.sites.findById(siteId))) throw new ServiceError('invalid_payload', 'No such site.');
      if (request.expiresAt !== undefined && Date.parse(request.expiresAt) <= now.getTime()) throw new ServiceError('invalid_payload', 'expiresAt must be in the future.');
      const token = `${API_TOKEN_PREFIX}${newSecret(32)}`;
      const record: ApiTokenRecord = {
        id: newId(now.getTime()),
        label: request.label,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        scopes: [...new Set(request.scopes)],
        siteIds: siteIds.length > 0 ? siteIds : who.siteIds,
        createdBy: who.userId,
        createdAt: now,
        expiresAt: request.expiresAt === undefined ? null : new Date(request.expiresAt),
        lastUsedAt: null,
        revokedAt: null,
      };
      const by = await actor(who);
      await deps.store.transaction(async (tx) => {
        await tx.apiTokens.create(record);
        await deps.audit.recordIn(tx, by, 'api-token.create', `api-token:${record.id}`, { label: record.label, scopes: record.scopes, siteIds: record.siteIds, expiresAt: request.expiresAt ?? null });
      });
      return { apiToken: present(record, by.name), token };
    },

    async revoke(who, id) {
      const record = await deps.store.apiTokens.findById(id);
      if (!record) throw new ServiceError('not_found', 'No such API token.');
      const now = deps.clock();
      const by = await actor(who);
      await deps.store.transaction(async (tx) => {
        if (await tx.apiTokens.revoke(id, now)) await deps.audit.recordIn(tx, by, 'api-token.revoke', `api-token:${id}`, { label: record.label });
      });
      buckets.forget(id);
      const after = (await deps.store.apiTokens.findById(id)) ?? record;
      return present(after, (await names([after.createdBy])).get(after.createdBy) ?? after.createdBy);
    },

    async authenticate(token) {
      if (!TOKEN_RE.test(token)) return undefined;
      const record = await deps.store.apiTokens.findByTokenHash(sha256Hex(token));
      const now = deps.clock();
      if (!record || record.revokedAt !== null) return undefined;
      if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return undefined;
      const creator = await deps.store.users.findById(record.createdBy);
      if (!creator || creator.disabledAt !== null) return undefined;
      if (!buckets.take(record.id, now.getTime())) throw new ServiceError('rate_limited', 'This API token made too many requests; slow down.', buckets.retryAfterSeconds(record.id));
      const siteIds = narrowSites(creator.siteIds, record.siteIds);
      if (siteIds === undefined) throw new ServiceError('forbidden', "This token's sites are no longer among its creator's sites.");
      if (now.getTime() - (touched.get(record.id) ?? 0) >= TOUCH_EVERY_MS) {
        touched.set(record.id, now.getTime());
        await deps.store.apiTokens.touch(record.id, now);
      }
      const scopes = record.scopes.filter((s): s is ApiTokenScope => Object.hasOwn(SCOPE_ACTIONS, s));
      return { userId: creator.id, role: creator.role, tier: creator.tier, siteIds, sessionId: `api-token:${record.id}`, apiToken: { id: record.id, scopes } };
    },
  };
}

/** The sites a token sees now: its own within its creator's (empty = all); undefined = none left. */
export function narrowSites(creator: readonly string[], token: readonly string[]): string[] | undefined {
  if (creator.length === 0) return [...token];
  if (token.length === 0) return [...creator];
  const both = token.filter((s) => creator.includes(s));
  return both.length > 0 ? both : undefined;
}

