import { CreateApiTokenRequestSchema, IdSchema, type ApiTokenListResponse } from '@deskside/protocol';
import type { ApiTokenService } from '../../services/integrations/api-tokens.js';
import { readJsonBody } from '../json-body.js';
import { requireUser, type Route } from '../router.js';
import { parseWith } from '../validate.js';

/** GET/POST /api/v1/tokens and DELETE /api/v1/tokens/:id: API tokens for scripts and integrations. */
export function apiTokenRoutes(tokens: ApiTokenService): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/tokens',
      permission: 'api-tokens.read',
      handler: async () => ({ json: { tokens: await tokens.list() } satisfies ApiTokenListResponse }),
    },
    {
      method: 'POST',
      path: '/api/v1/tokens',
      permission: 'api-tokens.write',
      async handler(ctx) {
        const body = parseWith(CreateApiTokenRequestSchema, await readJsonBody(ctx.req), 'API token');
        return { status: 201, json: await tokens.create(requireUser(ctx), body) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/tokens/:id',
      permission: 'api-tokens.write',
      handler: async (ctx) => ({ json: await tokens.revoke(requireUser(ctx), parseWith(IdSchema, ctx.params['id'], 'token id')) }),
    },
  ];
}
