import { newId } from '@deskside/protocol';
import type { Repositories, Store } from '@deskside/store';
import type { Clock } from '../clock.js';
import type { HubConfig } from '../config.js';
import type { Logger } from '../log/logger.js';
import { hashPassword, verifyPassword } from '../services/auth/password.js';
import { newSecret, sha256Hex } from '../services/auth/secrets.js';
import { readInitialCredentials, removeInitialCredentials, writeInitialCredentials, type InitialCredentials } from './initial-credentials.js';

export interface BootstrapDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Pick<HubConfig, 'dataDir' | 'adminPassword' | 'enrollToken'>;
}

/** What the start-up banner shows. Secrets here are for stdout only, never for a log. */
export interface BootstrapResult {
  firstStart: boolean;
  /** The generated admin password, when the hub generated one. */
  adminPassword?: string;
  /** The enrolment token from DESKSIDE_ENROLL_TOKEN or the generated one. */
  enrollToken?: string;
}

export const FIRST_SITE_NAME = 'Main office';
export const ADMIN_USERNAME = 'admin';

/**
 * Makes a fresh hub usable: on first start (no users) a site, the `admin` account and an
 * enrolment token; on every start, the DESKSIDE_ENROLL_TOKEN token if it is new. Idempotent.
 */
export async function bootstrap(deps: BootstrapDeps): Promise<BootstrapResult> {
  const { store, config } = deps;
  const firstStart = (await store.users.count()) === 0;
  if (firstStart) {
    await firstStartSetup(deps);
  } else if (config.enrollToken !== undefined && !(await store.enrollTokens.findByTokenHash(sha256Hex(config.enrollToken)))) {
    await store.transaction(async (tx) => addEnrollToken(tx, deps, config.enrollToken ?? '', await firstSiteId(tx, deps)));
    deps.logger.info('enrolment token from DESKSIDE_ENROLL_TOKEN added');
  }
  await store.sessions.deleteExpired(deps.clock());
  const saved = await stillValid(deps, await readInitialCredentials(config.dataDir));
  const enrollToken = config.enrollToken ?? saved?.enrollToken;
  return {
    firstStart,
    ...(saved?.adminPassword !== undefined ? { adminPassword: saved.adminPassword } : {}),
    ...(enrollToken !== undefined ? { enrollToken } : {}),
  };
}

async function firstStartSetup(deps: BootstrapDeps): Promise<void> {
  const { config } = deps;
  const adminPassword = config.adminPassword ?? newSecret(18);
  const enrollToken = config.enrollToken ?? newSecret(32);
  if (config.adminPassword === undefined || config.enrollToken === undefined) {
    // Written before the accounts exist: if this fails, nothing was created and the next start retries.
    await writeInitialCredentials(config.dataDir, {
      ...(config.adminPassword === undefined ? { adminPassword } : {}),
      enrollToken,
    });
  }
  const passwordHash = await hashPassword(adminPassword);
  const now = deps.clock();
  await deps.store.transaction(async (tx) => {
    const siteId = await firstSiteId(tx, deps);
    await tx.users.create({
      id: newId(now.getTime()),
      username: ADMIN_USERNAME,
      displayName: 'Administrator',
      role: 'admin',
      passwordHash,
      createdAt: now,
      disabledAt: null,
    });
    await addEnrollToken(tx, deps, enrollToken, siteId, config.enrollToken === undefined);
  });
  deps.logger.info('first start: created site, admin account and enrolment token', { dataDir: config.dataDir });
}

async function firstSiteId(tx: Repositories, deps: BootstrapDeps): Promise<string> {
  const sites = await tx.sites.list();
  const first = [...sites].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (first) return first.id;
  const now = deps.clock();
  const site = { id: newId(now.getTime()), name: FIRST_SITE_NAME, createdAt: now };
  await tx.sites.create(site);
  return site.id;
}

/** How long the token generated at first start works: long enough to roll out, not forever. */
export const GENERATED_TOKEN_DAYS = 7;

/**
 * The generated secrets still worth showing: the admin password while it is still the admin's
 * (an admin who changed it rotated it), the token while it works (not expired, not revoked). The
 * others are removed from the file, so it does not keep them forever; an empty file goes.
 */
async function stillValid(deps: BootstrapDeps, saved: InitialCredentials | undefined): Promise<InitialCredentials | undefined> {
  if (!saved) return undefined;
  const now = deps.clock();
  const admin = await deps.store.users.findByUsername(ADMIN_USERNAME);
  const passwordHolds = saved.adminPassword !== undefined && admin !== undefined && (await verifyPassword(saved.adminPassword, admin.passwordHash));
  const token = saved.enrollToken === undefined ? undefined : await deps.store.enrollTokens.findByTokenHash(sha256Hex(saved.enrollToken));
  const tokenWorks = token !== undefined && token.revokedAt === null && (token.expiresAt === null || token.expiresAt.getTime() > now.getTime());
  const kept: InitialCredentials = {
    ...(passwordHolds && saved.adminPassword !== undefined ? { adminPassword: saved.adminPassword } : {}),
    ...(tokenWorks && saved.enrollToken !== undefined ? { enrollToken: saved.enrollToken } : {}),
  };
  if (kept.adminPassword !== saved.adminPassword || kept.enrollToken !== saved.enrollToken) {
    if (Object.keys(kept).length === 0) await removeInitialCredentials(deps.config.dataDir);
    else await writeInitialCredentials(deps.config.dataDir, kept);
    deps.logger.info('first-start secrets rotated or expired: no longer shown', { password: !passwordHolds, enrollToken: !tokenWorks });
  }
  return kept;
}

async function addEnrollToken(tx: Repositories, deps: BootstrapDeps, token: string, siteId: string, generated = false): Promise<void> {
  const now = deps.clock();
  await tx.enrollTokens.create({
    id: newId(now.getTime()),
    tokenHash: sha256Hex(token),
    siteId,
    label: generated ? 'First start (expires after 7 days)' : 'Default',
    createdAt: now,
    // The operator's DESKSIDE_ENROLL_TOKEN is theirs to manage; the generated one expires.
    expiresAt: generated ? new Date(now.getTime() + GENERATED_TOKEN_DAYS * 86_400_000) : null,
    maxUses: null,
    uses: 0,
    revokedAt: null,
  });
}
