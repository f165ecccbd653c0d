import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { openStore } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { hashPassword, verifyPassword } from '../services/auth/password.js';
import { sha256Hex } from '../services/auth/secrets.js';
import { captureLogger, fakeClock, tempDir } from '../test-support/temp.js';
import { bootstrap } from './bootstrap.js';
import { initialCredentialsPath, readInitialCredentials } from './initial-credentials.js';

describe('bootstrap', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => void (dir = tempDir()));
  afterEach(() => dir.remove());

  async function start(env: NodeJS.ProcessEnv = {}) {
    const store = await openStore({ dataDir: dir.dir });
    const log = captureLogger();
    const config = resolveConfig({ dataDir: dir.dir }, env);
    const result = await bootstrap({ store, clock: fakeClock().clock, logger: log.logger, config });
    return { store, result, log };
  }

  it('creates the site, the admin and a token on first start, shows its secrets that once, and writes them nowhere', async () => {
    const first = await start();
    expect(first.result.firstStart).toBe(true);
    const { adminPassword, enrollToken } = first.result;
    expect(adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(enrollToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(existsSync(initialCredentialsPath(dir.dir))).toBe(false);
    expect(readdirSync(dir.dir).join('\n')).not.toMatch(/credential/);

    const sites = await first.store.sites.list();
    expect(sites.map((s) => s.name)).toEqual(['Main office']);
    const admin = await first.store.users.findByUsername('admin');
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(adminPassword ?? '', admin?.passwordHash ?? '')).toBe(true);
    const tokens = await first.store.enrollTokens.list();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ tokenHash: sha256Hex(enrollToken ?? ''), maxUses: null, siteId: sites[0]?.id });
    // The generated token expires after a week.
    expect(tokens[0]?.expiresAt?.getTime()).toBe(fakeClock().clock().getTime() + 7 * 86_400_000);
    // The hub never logs the secrets it generated.
    expect(first.log.text()).not.toContain(adminPassword);
    expect(first.log.text()).not.toContain(enrollToken);
    await first.store.close();

    const second = await start();
    expect(second.result).toEqual({ firstStart: false });
    expect(await second.store.users.count()).toBe(1);
    expect(await second.store.sites.list()).toHaveLength(1);
    expect(await second.store.enrollTokens.list()).toHaveLength(1);
    await second.store.close();
  });

  it('uses the operator’s secrets from the environment and does not write them down', async () => {
    const env = { DESKSIDE_ADMIN_PASSWORD: 'operator-chosen-pw', DESKSIDE_ENROLL_TOKEN: 'scripted-install-token' };
    const { store, result, log } = await start(env);
    expect(result).toEqual({ firstStart: true, enrollToken: 'scripted-install-token' });
    expect(await readInitialCredentials(dir.dir)).toBeUndefined();
    const admin = await store.users.findByUsername('admin');
    expect(await verifyPassword('operator-chosen-pw', admin?.passwordHash ?? '')).toBe(true);
    expect(await store.enrollTokens.findByTokenHash(sha256Hex('scripted-install-token'))).toBeDefined();
    expect(log.text()).not.toContain('operator-chosen-pw');
    expect(log.text()).not.toContain('scripted-install-token');
    await store.close();
  });

  it('adds a new DESKSIDE_ENROLL_TOKEN on a later start, once', async () => {
    await (await start()).store.close();
    const later = await start({ DESKSIDE_ENROLL_TOKEN: 'added-later-token' });
    expect(later.result.enrollToken).toBe('added-later-token');
    expect(await later.store.enrollTokens.list()).toHaveLength(2);
    await later.store.close();
    const again = await start({ DESKSIDE_ENROLL_TOKEN: 'added-later-token' });
    expect(await again.store.enrollTokens.list()).toHaveLength(2);
    await again.store.close();
  });

  it('shows what an older hub\'s secrets file still holds one last time, then deletes it', async () => {
    const first = await start();
    const { adminPassword, enrollToken } = first.result;
    await first.store.close();
    const legacy = () => writeFileSync(initialCredentialsPath(dir.dir), JSON.stringify({ adminPassword, enrollToken }), { mode: 0o600 });
    legacy();
    const upgraded = await start();
    expect(upgraded.result).toEqual({ firstStart: false, adminPassword, enrollToken });
    expect(existsSync(initialCredentialsPath(dir.dir))).toBe(false);
    // What no longer works is not shown: a changed password, a revoked token.
    const admin = await upgraded.store.users.findByUsername('admin');
    await upgraded.store.users.update(admin?.id ?? '', { passwordHash: await hashPassword('a-new-admin-password-1') });
    await upgraded.store.close();
    legacy();
    const changed = await start();
    expect(changed.result).toEqual({ firstStart: false, enrollToken });
    const [token] = await changed.store.enrollTokens.list();
    await changed.store.enrollTokens.revoke(token?.id ?? '', new Date());
    await changed.store.close();
    legacy();
    const revoked = await start();
    expect(revoked.result).toEqual({ firstStart: false });
    expect(existsSync(initialCredentialsPath(dir.dir))).toBe(false);
    await revoked.store.close();
  });
});
