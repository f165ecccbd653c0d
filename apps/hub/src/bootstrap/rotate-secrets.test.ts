import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { verifyPassword } from '../services/auth/password.js';
import { sha256Hex } from '../services/auth/secrets.js';
import { captureLogger, fakeClock, tempDir } from '../test-support/temp.js';
import { bootstrap } from './bootstrap.js';
import { formatRotation, runRotateCommand } from './rotate-command.js';
import { rotateSecrets } from './rotate-secrets.js';

describe('rotateSecrets', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let first: { adminPassword?: string; enrollToken?: string };
  const clock = fakeClock().clock;
  beforeEach(async () => {
    dir = tempDir();
    store = await openStore({ dataDir: dir.dir });
    first = await bootstrap({ store, clock, logger: captureLogger().logger, config: resolveConfig({ dataDir: dir.dir }, {}) });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const adminHash = async () => (await store.users.findByUsername('admin'))?.passwordHash ?? '';

  it('gives admin a new password and ends its sessions; replaces the generated token, keeps the console’s', async () => {
    const admin = await store.users.findByUsername('admin');
    await store.sessions.create({ id: 's1', userId: admin?.id ?? '', tokenHash: 'h1', createdAt: clock(), expiresAt: new Date(clock().getTime() + 3_600_000), revokedAt: null });
    const [generated] = await store.enrollTokens.list();
    const mine = { ...generated!, id: 'console-made', tokenHash: sha256Hex('console-made-token'), label: 'Lyon rollout', expiresAt: null };
    await store.enrollTokens.create(mine);
    const log = captureLogger();

    const result = await rotateSecrets({ store, clock, logger: log.logger }, { adminPassword: true, enrollToken: true });

    expect(result).toMatchObject({ username: 'admin', endedSessions: 1, revokedTokens: 1 });
    expect(await verifyPassword(result.adminPassword ?? '', await adminHash())).toBe(true);
    expect(await verifyPassword(first.adminPassword ?? '', await adminHash())).toBe(false);
    expect((await store.sessions.findById('s1'))?.revokedAt).not.toBeNull();
    const tokens = await store.enrollTokens.list();
    expect(tokens.find((t) => t.id === generated?.id)?.revokedAt).not.toBeNull();
    expect(tokens.find((t) => t.id === 'console-made')?.revokedAt).toBeNull();
    const fresh = await store.enrollTokens.findByTokenHash(sha256Hex(result.enrollToken ?? ''));
    expect(fresh).toMatchObject({ revokedAt: null, expiresAt: new Date(clock().getTime() + 7 * 86_400_000) });
    // Audited, and the secrets are nowhere but in the answer.
    const audit = await store.audit.page(10);
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['enroll-token.rotate', 'user.password-reset']));
    expect(audit.every((a) => a.actorName === 'deskside-hub rotate-secrets' || a.action !== 'user.password-reset')).toBe(true);
    expect(log.text()).not.toContain(result.adminPassword);
    expect(log.text()).not.toContain(result.enrollToken);
    expect(JSON.stringify(audit)).not.toContain(result.adminPassword);
  });

  it('rotates only what it is asked to', async () => {
    const before = await adminHash();
    const result = await rotateSecrets({ store, clock, logger: captureLogger().logger }, { adminPassword: false, enrollToken: true });
    expect(result.adminPassword).toBeUndefined();
    expect(await adminHash()).toBe(before);
    expect(formatRotation(result)).not.toContain('Admin login');
    expect(formatRotation(result)).toContain(result.enrollToken);
  });

  it('resets the oldest enabled administrator when `admin` is disabled, and refuses when there is none', async () => {
    const admin = await store.users.findByUsername('admin');
    await store.users.create({ id: 'u-ops', username: 'ops', displayName: 'Ops', role: 'admin', passwordHash: 'x', createdAt: new Date(clock().getTime() + 1000), disabledAt: null });
    await store.users.update(admin?.id ?? '', { disabledAt: clock() });
    const result = await rotateSecrets({ store, clock, logger: captureLogger().logger }, { adminPassword: true, enrollToken: false });
    expect(result.username).toBe('ops');
    await store.users.update('u-ops', { disabledAt: clock() });
    await expect(rotateSecrets({ store, clock, logger: captureLogger().logger }, { adminPassword: true, enrollToken: false })).rejects.toThrow(/no enabled administrator/);
  });
});

describe('runRotateCommand', () => {
  it('refuses a data directory without a hub database instead of creating one', async () => {
    const dir = tempDir();
    const config = resolveConfig({ dataDir: path.join(dir.dir, 'typo') }, {});
    await expect(runRotateCommand(config, { adminPassword: true, enrollToken: true }, captureLogger().logger)).rejects.toThrow(/No Deskside hub database/);
    expect(existsSync(path.join(dir.dir, 'typo'))).toBe(false);
    dir.remove();
  });
});
