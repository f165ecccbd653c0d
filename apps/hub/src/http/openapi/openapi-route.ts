import type { Route } from '../router.js';
import { buildOpenApiDocument } from './build-document.js';
import { ADMIN_OPERATIONS } from './catalogue-admin.js';
import { DESK_OPERATIONS } from './catalogue-desk.js';
import { FLEET_OPERATIONS } from './catalogue-fleet.js';
import { KB_OPERATIONS } from './catalogue-kb.js';
import { FIX_OPERATIONS } from './catalogue-fixes.js';
import type { OperationCatalogue } from './operation-doc.js';

/** Every operation the reference describes. */
export const API_OPERATIONS: OperationCatalogue = { ...ADMIN_OPERATIONS, ...FLEET_OPERATIONS, ...DESK_OPERATIONS, ...KB_OPERATIONS, ...FIX_OPERATIONS };

/**
 * GET /api/v1/openapi.json (public): the document of `routes()` (the hub's whole route list,
 * this route included), generated once on first request and then served from memory.
 */
export function openApiRoute(routes: () => readonly Route[], version: string): Route {
  let body: string | undefined;
  return {
    method: 'GET',
    path: '/api/v1/openapi.json',
    public: true,
    handler() {
      body ??= JSON.stringify(buildOpenApiDocument(routes(), API_OPERATIONS, { version }).document);
      return Promise.resolve({ text: body, contentType: 'application/json; charset=utf-8' });
    },
  };
}
