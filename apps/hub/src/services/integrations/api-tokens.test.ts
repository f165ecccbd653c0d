import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { createAuditService } from '../audit/audit-service.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import { createApiTokenService, narrowSites, type ApiTokenService } from './api-tokens.js';

describe('API token service', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let tokens: ApiTokenService;
  const time = fakeClock();
  const admin: AuthenticatedUser = { userId: newId(), role: 'admin', sessionId: newId(), siteIds: [] };

  beforeEach(async () => {
    temp = await tempStore();
    await temp.store.users.create({ id: admin.userId, username: 'admin', displayName: 'Admin', role: 'admin', tier: null, siteIds: [], passwordHash: 'x', createdAt: time.clock(), disabledAt: null });
    tokens = createApiTokenService({ store: temp.store, clock: time.clock, audit: createAuditService({ store: temp.store, clock: time.clock, logger: silentLogger() }), perMinute: 3 });
  });
  afterEach(() => temp.cleanup());

  it('rate-limits per token and says when to come back', async () => {
    const { token } = await tokens.create(admin, { label: 'busy script', scopes: ['metrics'] });
    const other = (await tokens.create(admin, { label: 'calm script', scopes: ['metrics'] })).token;
    for (let i = 0; i < 3; i++) expect(await tokens.authenticate(token)).toBeDefined();
    const refused = await tokens.authenticate(token).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 20 });
    // Another token has its own budget; the first refills with time.
    expect(await tokens.authenticate(other)).toBeDefined();
    time.advance(20_000);
    expect(await tokens.authenticate(token)).toMatchObject({ userId: admin.userId, apiToken: { scopes: ['metrics'] } });
  });

  it('expires', async () => {
    const { token } = await tokens.create(admin, { label: 'a day', scopes: ['metrics'], expiresAt: new Date(time.clock().getTime() + 86_400_000).toISOString() });
    expect(await tokens.authenticate(token)).toBeDefined();
    time.advance(86_400_000);
    expect(await tokens.authenticate(token)).toBeUndefined();
  });

  it('narrows sites to those both the token and its creator have', () => {
    expect(narrowSites([], [])).toEqual([]);
    expect(narrowSites([], ['a'])).toEqual(['a']);
    expect(narrowSites(['a', 'b'], [])).toEqual(['a', 'b']);
    expect(narrowSites(['a', 'b'], ['b', 'c'])).toEqual(['b']);
    expect(narrowSites(['a'], ['c'])).toBeUndefined();
  });
});
