import { IdSchema } from '@deskside/protocol';
import type { Actors } from '../../services/access/actor.js';
import { GlobalPolicyBodySchema, GroupOverrideSchema, DEFAULT_HUB_HEALTH_POLICY } from '../../services/alerts/health-policy.js';
import type { PolicyService } from '../../services/alerts/policy-service.js';
import type { AuthenticatedUser } from '../../services/auth/session.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

export interface PolicyRoutesDeps {
  actors: Actors;
  policies: PolicyService;
  /** The group, when it exists and `user` may see it, else `not_found` (the group service); absent: no per-group routes. */
  visibleGroup?: (user: AuthenticatedUser, id: string) => Promise<unknown>;
}

/**
 * GET/PUT /api/v1/policies/health (the global policy; PUT takes a whole HealthPolicy plus the
 * optional hub fields), and per group GET/PUT/DELETE /api/v1/groups/:id/health-policy (the fields
 * that group overrides). Changes are pushed to connected agents by the policy service's listeners.
 */
export function policyRoutes({ actors, policies, visibleGroup }: PolicyRoutesDeps): Route[] {
  const actorName = async (user: AuthenticatedUser) => (await actors.reader(user)).name;
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/api/v1/policies/health',
      permission: 'policies.read',
      handler() {
        const { policy, updatedAt, updatedBy } = policies.global();
        return Promise.resolve({ json: { policy, updatedAt: updatedAt?.toISOString() ?? null, updatedBy } });
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/policies/health',
      permission: 'policies.write',
      async handler(ctx) {
        const body = parseWith(GlobalPolicyBodySchema, await readJsonBody(ctx.req), 'health policy');
        const policy = await policies.setGlobal({ ...DEFAULT_HUB_HEALTH_POLICY, ...body }, await actorName(requireUser(ctx)));
        return { json: { policy } };
      },
    },
  ];
  if (!visibleGroup) return routes;
  /** The group named in the path, if it exists and the caller may see it (another site's group: 404). */
  const groupId = async (raw: string | undefined, user: AuthenticatedUser): Promise<string> => {
    const id = parseWith(IdSchema, raw, 'group id');
    await visibleGroup(user, id);
    return id;
  };
  return [
    ...routes,
    {
      method: 'GET',
      path: '/api/v1/groups/:id/health-policy',
      permission: 'policies.read',
      async handler(ctx) {
        const id = await groupId(ctx.params['id'], requireUser(ctx));
        return { json: { groupId: id, override: policies.groupOverride(id) ?? null } };
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/groups/:id/health-policy',
      permission: 'policies.write',
      async handler(ctx) {
        const id = await groupId(ctx.params['id'], requireUser(ctx));
        const override = parseWith(GroupOverrideSchema, await readJsonBody(ctx.req), 'group health policy');
        await policies.setGroupOverride(id, override, await actorName(requireUser(ctx)));
        return { json: { groupId: id, override } };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/groups/:id/health-policy',
      permission: 'policies.write',
      async handler(ctx) {
        const id = await groupId(ctx.params['id'], requireUser(ctx));
        await policies.setGroupOverride(id, null, await actorName(requireUser(ctx)));
        return { json: { groupId: id, override: null } };
      },
    },
  ];
}
