import { newId, type CreateSiteRequest, type Site } from '@deskside/protocol';
import type { AuthenticatedUser } from '../auth/session.js';
import { siteFilter } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import { actorOf, type AdminDeps } from './admin-deps.js';
import { toSite } from './presenters.js';

export interface SitesAdmin {
  /** The sites `who` may see. */
  list(who: AuthenticatedUser): Promise<Site[]>;
  create(who: AuthenticatedUser, request: CreateSiteRequest): Promise<Site>;
}

export function createSitesAdmin(deps: AdminDeps): SitesAdmin {
  return {
    async list(who) {
      const scope = siteFilter(who);
      const sites = await deps.store.sites.list();
      return sites.filter((s) => scope === undefined || scope.includes(s.id)).map(toSite);
    },
    async create(who, request) {
      const name = request.name.trim();
      if (name === '') throw new ServiceError('invalid_payload', 'A site needs a name.');
      if ((await deps.store.sites.list()).some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new ServiceError('conflict', 'A site with that name exists.');
      }
      const site = { id: newId(deps.clock().getTime()), name, createdAt: deps.clock() };
      const actor = await actorOf(deps, who);
      await deps.store.transaction(async (tx) => {
        await tx.sites.create(site);
        await deps.audit.recordIn(tx, actor, 'site.create', `site:${site.id}`, { name });
      });
      return toSite(site);
    },
  };
}
