import { newId, type AdminUser, type CreateUserRequest, type UpdateUserRequest } from '@deskside/protocol';
import type { UserPatch, UserRecord } from '@deskside/store';
import { seesPerson } from '../access/site-scope.js';
import { hashPassword } from '../auth/password.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';
import { toAdminUser } from './presenters.js';

/** Users: list, create, change (role, tier, sites, name, disable, password reset). */
export interface UsersAdmin {
  /** The people `who` may see (site scope: seesPerson). */
  list(who: AuthenticatedUser): Promise<AdminUser[]>;
  get(id: string): Promise<AdminUser | undefined>;
  create(who: AuthenticatedUser, request: CreateUserRequest): Promise<AdminUser>;
  update(who: AuthenticatedUser, id: string, request: UpdateUserRequest): Promise<AdminUser>;
}

export function createUsersAdmin(deps: AdminDeps): UsersAdmin {
  const present = async (user: UserRecord): Promise<AdminUser> =>
    toAdminUser(user, (await deps.store.totp.get(user.id))?.confirmedAt != null);
  const checkSites = async (siteIds: readonly string[] | undefined): Promise<void> => {
    for (const id of siteIds ?? []) {
      if (!(await deps.store.sites.findById(id))) throw new ServiceError('invalid_payload', `No such site: ${id}.`);
    }
  };
  return {
    async list(who) {
      return Promise.all((await deps.store.users.list()).filter((u) => seesPerson(who, u.siteIds)).map(present));
    },
    async get(id) {
      const user = await deps.store.users.findById(id);
      return user ? present(user) : undefined;
    },
    async create(who, request) {
      if (await deps.store.users.findByUsername(request.username)) throw new ServiceError('conflict', 'That username is taken.');
      await checkSites(request.siteIds);
      const user: UserRecord = {
        id: newId(deps.clock().getTime()),
        username: request.username,
        displayName: request.displayName,
        role: request.role,
        tier: request.role === 'technician' ? (request.tier ?? 1) : null,
        siteIds: [...new Set(request.siteIds ?? [])],
        passwordHash: await hashPassword(request.password),
        createdAt: deps.clock(),
        disabledAt: null,
      };
      const actor = await actorOf(deps, who);
      await deps.store.transaction(async (tx) => {
        await tx.users.create(user);
        await deps.audit.recordIn(tx, actor, 'user.create', `user:${user.id}`, { username: user.username, role: user.role, tier: user.tier, siteIds: user.siteIds });
      });
      return present(user);
    },
    async update(who, id, request) {
      const user = await deps.store.users.findById(id);
      if (!user) throw new ServiceError('not_found', 'No such user.');
      await checkSites(request.siteIds);
      const role = request.role ?? user.role;
      const patch: UserPatch = {};
      if (request.displayName !== undefined) patch.displayName = request.displayName;
      if (request.role !== undefined) patch.role = request.role;
      if (request.siteIds !== undefined) patch.siteIds = [...new Set(request.siteIds)];
      if (request.tier !== undefined || request.role !== undefined) patch.tier = role === 'technician' ? (request.tier ?? user.tier ?? 1) : null;
      if (request.disabled !== undefined) patch.disabledAt = request.disabled ? (user.disabledAt ?? deps.clock()) : null;
      if (request.password !== undefined) patch.passwordHash = await hashPassword(request.password);
      const demoting = user.role === 'admin' && (role !== 'admin' || request.disabled === true);
      if (demoting && who.userId === id) throw new ServiceError('conflict', 'You cannot remove your own admin rights or disable yourself.');
      if (demoting && (await activeAdmins(deps)) <= 1) throw new ServiceError('conflict', 'This is the last active admin.');
      // Anything that changes what the account may do ends its sessions: they sign in again.
      const endSessions =
        request.disabled === true || request.password !== undefined || request.role !== undefined || request.siteIds !== undefined || request.tier !== undefined || request.resetSecondFactor === true;
      const actor = await actorOf(deps, who);
      const ended = await deps.store.transaction(async (tx) => {
        if (Object.keys(patch).length > 0) await tx.users.update(id, patch);
        if (request.resetSecondFactor === true) await tx.totp.remove(id);
        const { password: _secret, ...visible } = request;
        await deps.audit.recordIn(tx, actor, auditAction(request), `user:${id}`, { ...visible, ...(request.password !== undefined ? { passwordReset: true } : {}), from: { role: user.role, tier: user.tier } });
        return endSessions ? tx.sessions.revokeAllForUser(id, deps.clock()) : [];
      });
      if (ended.length > 0) deps.endSessions(ended, 'revoked');
      const updated = await deps.store.users.findById(id);
      if (!updated) throw new ServiceError('not_found', 'No such user.');
      return present(updated);
    },
  };
}

function auditAction(request: UpdateUserRequest): string {
  if (request.disabled === true) return 'user.disable';
  if (request.disabled === false) return 'user.enable';
  if (request.role !== undefined || request.tier !== undefined) return 'user.role-change';
  if (request.password !== undefined) return 'user.password-reset';
  if (request.resetSecondFactor === true) return 'user.second-factor-reset';
  return 'user.update';
}

async function activeAdmins(deps: AdminDeps): Promise<number> {
  return (await deps.store.users.list()).filter((u) => u.role === 'admin' && u.disabledAt === null).length;
}
