import { IdSchema, SiteAppearanceUpdateSchema } from '@deskside/protocol';
import type { SiteAppearanceService } from '../../services/sites/site-appearance.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route, type RouteContext } from '../router.js';
import { parseWith } from '../validate.js';

/** `/api/v1/sites/:id/appearance`: the tray branding and default language of one site. */
export function siteAppearanceRoutes(appearance: SiteAppearanceService): Route[] {
  const siteIdOf = (ctx: RouteContext) => parseWith(IdSchema, ctx.params['id'], 'site id');
  return [
    {
      method: 'GET',
      path: '/api/v1/sites/:id/appearance',
      permission: 'sites.read',
      handler: async (ctx) => ({ json: await appearance.get(requireUser(ctx), siteIdOf(ctx)) }),
    },
    {
      method: 'PUT',
      path: '/api/v1/sites/:id/appearance',
      permission: 'sites.write',
      async handler(ctx) {
        const siteId = siteIdOf(ctx);
        const body = parseWith(SiteAppearanceUpdateSchema, await readJsonBody(ctx.req), 'site appearance');
        return { json: await appearance.set(requireUser(ctx), siteId, body) };
      },
    },
  ];
}
