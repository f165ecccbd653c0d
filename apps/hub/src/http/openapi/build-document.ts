import * as protocol from '@deskside/protocol';
import { z } from 'zod';
import { scopesFor } from '../../services/access/token-scopes.js';
import type { Route } from '../router.js';
import { operationKey, type OperationCatalogue, type OperationDoc } from './operation-doc.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiBuild {
  /** The OpenAPI 3.1 document. */
  document: JsonSchema;
  /** `METHOD /path` of routes the catalogue does not describe (the contract test wants none). */
  undocumented: string[];
  /** Catalogue entries no route serves (stale docs; the contract test wants none). */
  orphaned: string[];
}

const COMPONENT = (id: string): string => `#/components/schemas/${id}`;
const WEBHOOK_DESCRIPTION = [
  'Sent to subscriptions of format `deskside` (Slack and Teams subscriptions get `{"text": "..."}` instead).',
  'Verify every delivery: read the raw body; split `X-Deskside-Signature` (`t=<unix seconds>,v1=<hex>`);',
  'compute HMAC-SHA256 with the subscription\'s secret over `<t>.<raw body>` and compare with `v1` in constant time;',
  'refuse a `t` more than 300 seconds from your clock (a replay) and a body `id` you have already handled (deliveries are at least once).',
].join(' ');
const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input (`invalid_payload`, `bad_request`).',
  '401': 'No valid session or API token (`unauthorized`).',
  '403': 'The role, site scope or token scope does not allow this (`forbidden`).',
  '404': 'No such record, or one outside your sites (`not_found`).',
  '429': 'Too many requests (`rate_limited`); wait for Retry-After seconds.',
};

/**
 * The OpenAPI 3.1 document of `routes`, generated from the protocol's zod schemas with zod's own
 * JSON Schema generator (`z.toJSONSchema`): every exported `…Schema` becomes a component (nested
 * ones as `$ref`s), each route's body, query and answer come from `catalogue`.
 */
export function buildOpenApiDocument(routes: readonly Route[], catalogue: OperationCatalogue, info: { version: string; extraSchemas?: Readonly<Record<string, z.ZodType>> }): OpenApiBuild {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(protocol)) {
    if (name.endsWith('Schema') && value instanceof z.ZodType && !registry.has(value)) registry.add(value, { id: name.slice(0, -'Schema'.length) });
  }
  for (const [name, schema] of Object.entries(info.extraSchemas ?? {})) if (!registry.has(schema)) registry.add(schema, { id: name });
  const generated = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: COMPONENT });
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $id: _id, $schema: _schema, ...rest } = schema as JsonSchema;
    schemas[id] = rest;
  }
  const output = (schema: z.ZodType): JsonSchema => {
    const id = registry.get(schema)?.id;
    return id ? { $ref: COMPONENT(id) } : inline(schema, 'output');
  };

  const paths: Record<string, Record<string, unknown>> = {};
  const undocumented: string[] = [];
  const served = new Set<string>();
  for (const route of routes) {
    const key = operationKey(route.method, route.path);
    served.add(key);
    const doc = catalogue[key];
    if (!doc) undocumented.push(key);
    const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = operation(route, doc ?? { tag: 'Undocumented', summary: key }, output);
  }
  const orphaned = Object.keys(catalogue).filter((key) => !served.has(key));
  const webhooks = Object.fromEntries(
    [...protocol.WEBHOOK_EVENTS, 'webhook.test'].map((event) => [
      event,
      {
        post: {
          summary: `The ${event} event`,
          description: WEBHOOK_DESCRIPTION,
          parameters: [
            { name: 'X-Deskside-Event', in: 'header', required: true, schema: { type: 'string', const: event } },
            { name: 'X-Deskside-Delivery', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'X-Deskside-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: COMPONENT('WebhookBody') } } } },
          responses: { '2XX': { description: 'Received. Anything else (or no answer within 10 s) is retried with backoff, up to 8 attempts.' } },
        },
      },
    ]),
  );
  const document: JsonSchema = {
    openapi: '3.1.0',
    info: {
      title: 'Deskside hub API',
      version: info.version,
      description:
        'The hub\'s HTTP API. Send `Authorization: Bearer <token>` with a session token from POST /api/v1/login or an API token from POST /api/v1/tokens. Lists answer an object keyed by the plural; errors answer `{"error": {"code", "message"}}`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    webhooks,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A session token (POST /api/v1/login) or an API token (POST /api/v1/tokens).' } },
    },
  };
  return { document, undocumented, orphaned };
}

function operation(route: Route, doc: OperationDoc, output: (schema: z.ZodType) => JsonSchema): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [, name] of route.path.matchAll(/:([A-Za-z]+)/g)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string', maxLength: 128 } });
  if (doc.query) {
    const query = inline(doc.query, 'input');
    const required = new Set(Array.isArray(query['required']) ? (query['required'] as string[]) : []);
    for (const [name, schema] of Object.entries((query['properties'] ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const status = String(doc.status ?? 200);
  const success = doc.file
    ? { description: 'The file.', content: { [doc.file]: { schema: { type: 'string' } } } }
    : { description: 'Success.', ...(doc.response ? { content: { 'application/json': { schema: output(doc.response) } } } : {}) };
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES)
      .filter(([code]) => !(route.public && (code === '401' || code === '403')))
      .map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: COMPONENT('ErrorResponse') } } } }]),
  );
  const scopes = route.permission ? scopesFor(route.permission) : [];
  const tokenNote = scopes.length > 0 ? ` API tokens need the scope ${scopes.map((s) => `\`${s}\``).join(' or ')}.` : ' Not open to API tokens.';
  const permission = route.public ? 'Public: no token needed.' : `Requires the \`${route.permission ?? 'none'}\` permission.${tokenNote}`;
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, permission].filter(Boolean).join('\n\n'),
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: inline(doc.body, 'input') } } } } : {}),
    responses: { [status]: success, ...errors },
  };
}

/** A schema written out in full (request bodies and queries: what a client may send). */
function inline(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline', metadata: z.registry() }) as JsonSchema;
  return rest;
}
