import { LIMITS } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { createMetricsRegistry } from '../metrics/registry.js';
import { rawRequest, serve } from '../test-support/http.js';
import { createHttpHandler } from './http-handler.js';
import { readJsonBody } from './json-body.js';
import { requireUser, type Route } from './router.js';
import { parseWith } from './validate.js';

const GOOD_TOKEN = 'good-token-aaaaaaaaaaaaaaaa';
const AUDITOR_TOKEN = 'auditor-token-aaaaaaaaaaaaa';
const CANARY = 'canary-query-secret-5e1f';

// A structural schema, as zod's safeParse answers: { n: integer }.
const NumberBody = {
  safeParse(v: unknown) {
    const n = (v as { n?: unknown } | null)?.n;
    return typeof n === 'number' && Number.isInteger(n)
      ? { success: true as const, data: { n } }
      : { success: false as const, error: { issues: [{ path: ['n'], message: 'expected an integer' }] } };
  },
};

const routes: Route[] = [
  { method: 'POST', path: '/api/v1/echo', public: true, handler: async (ctx) => ({ json: { got: parseWith(NumberBody, await readJsonBody(ctx.req)) } }) },
  { method: 'GET', path: '/api/v1/me', permission: 'self.read', handler: async (ctx) => ({ json: requireUser(ctx) }) },
  { method: 'GET', path: '/api/v1/things/:id', permission: 'devices.read', handler: async (ctx) => ({ json: { id: ctx.params['id'] } }) },
  { method: 'GET', path: '/api/v1/log-probe', permission: 'devices.read', handler: async () => ({ json: {} }) },
  { method: 'GET', path: '/api/v1/undeclared', handler: async () => ({ json: { leaked: true } }) },
  { method: 'GET', path: '/api/v1/admins-only', permission: 'users.write', handler: async () => ({ json: { ok: true } }) },
  { method: 'GET', path: '/api/v1/boom', public: true, handler: () => Promise.reject(new Error('kaput')) },
];

describe('HTTP handler', () => {
  const lines: string[] = [];
  let srv: Awaited<ReturnType<typeof serve>>;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    srv = await serve(
      createHttpHandler({
        routes,
        authenticate: async (t) =>
          t === GOOD_TOKEN
            ? { userId: 'u1', role: 'admin', sessionId: 's1', siteIds: [] }
            : t === AUDITOR_TOKEN
              ? { userId: 'u2', role: 'auditor', sessionId: 's2', siteIds: [] }
              : undefined,
        logger: createLogger({ level: 'debug', write: (l) => void lines.push(l) }),
        metrics: createMetricsRegistry(),
        allowedOrigins: ['http://127.0.0.1:4800'],
      }),
    );
  });
  afterAll(() => srv.close());

  it('routes, parses the body with its schema and answers JSON', async () => {
    const res = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers: json, body: '{"n":5}' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({ got: { n: 5 } });
  });

  it.each([
    ['wrong content type', { 'content-type': 'text/plain' }, '{"n":1}', 400, 'bad_request'],
    ['no content type', {}, '{"n":1}', 400, 'bad_request'],
    ['bad JSON', json, '{"n":', 400, 'bad_request'],
    ['JSON nested too deep', json, '['.repeat(LIMITS.jsonDepth + 2) + ']'.repeat(LIMITS.jsonDepth + 2), 400, 'bad_request'],
    ['schema mismatch', json, '{"n":"five"}', 400, 'invalid_payload'],
    ['oversized body', json, JSON.stringify({ n: 1, pad: 'x'.repeat(LIMITS.httpJsonBytes) }), 413, 'payload_too_large'],
  ])('refuses %s', async (_name, headers, body, status, code) => {
    const res = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('summarizes schema issues in the message', async () => {
    const res = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers: json, body: '{}' });
    expect(JSON.parse(res.body).error.message).toBe('Invalid request: n: expected an integer');
  });

  it('refuses a streamed (chunked) body past the limit', async () => {
    const res = await rawRequest(srv.port, '/api/v1/echo', {
      method: 'POST',
      headers: { ...json, 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(LIMITS.httpJsonBytes + 10, 0x20),
    }).catch((e: unknown) => e);
    // The server may cut the connection while the client still writes; either way nothing is accepted.
    if (!(res instanceof Error)) expect((res as { status: number }).status).toBe(413);
  });

  it('requires a valid bearer token on non-public routes', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer nope-nope-nope-nope' }, { authorization: `Basic ${GOOD_TOKEN}` }];
    for (const headers of attempts) {
      const res = await rawRequest(srv.port, '/api/v1/me', { headers });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    }
    const ok = await rawRequest(srv.port, '/api/v1/me', { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
    expect(JSON.parse(ok.body)).toEqual({ userId: 'u1', role: 'admin', sessionId: 's1', siteIds: [] });
  });

  it('refuses a route that declares no permission to every role, and a role the permission lacks', async () => {
    for (const token of [GOOD_TOKEN, AUDITOR_TOKEN]) {
      const res = await rawRequest(srv.port, '/api/v1/undeclared', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('leaked');
    }
    const auditor = await rawRequest(srv.port, '/api/v1/admins-only', { headers: { authorization: `Bearer ${AUDITOR_TOKEN}` } });
    expect(auditor.status).toBe(403);
    expect(JSON.parse(auditor.body).error.code).toBe('forbidden');
    const admin = await rawRequest(srv.port, '/api/v1/admins-only', { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
    expect(admin.status).toBe(200);
  });

  it('decodes path parameters and answers 404 for unknown API routes', async () => {
    const res = await rawRequest(srv.port, '/api/v1/things/a%20b', { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
    expect(JSON.parse(res.body)).toEqual({ id: 'a b' });
    const missing = await rawRequest(srv.port, '/api/v1/nothing');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not_found');
    const wrongMethod = await rawRequest(srv.port, '/api/v1/echo');
    expect(wrongMethod.status).toBe(404);
  });

  it('refuses a state-changing request from a foreign browser origin', async () => {
    const res = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{"n":1}' });
    expect(res.status).toBe(403);
    const sameHost = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers: { ...json, origin: `http://127.0.0.1:${srv.port}` }, body: '{"n":1}' });
    expect(sameHost.status).toBe(200);
    const own = await rawRequest(srv.port, '/api/v1/echo', { method: 'POST', headers: { ...json, origin: 'http://127.0.0.1:4800' }, body: '{"n":1}' });
    expect(own.status).toBe(200);
  });

  it('hides internal errors behind a generic 500', async () => {
    const res = await rawRequest(srv.port, '/api/v1/boom');
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
  });

  it('sets the security headers on every response, errors included', async () => {
    for (const path of ['/api/v1/nothing', '/api/v1/me', '/']) {
      const res = await rawRequest(srv.port, path);
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('logs one line per request without the query string or the Authorization header', async () => {
    await rawRequest(srv.port, `/api/v1/log-probe?token=${CANARY}`, { headers: { authorization: `Bearer ${GOOD_TOKEN}` } });
    const probes = () =>
      lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === 'request' && l['path'] === '/api/v1/log-probe');
    // The server's 'finish' can trail the client's end of the response by a turn or two.
    for (let i = 0; i < 100 && probes().length === 0; i++) await new Promise((r) => setImmediate(r));
    const requestLines = probes();
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ method: 'GET', path: '/api/v1/log-probe', status: 200, component: 'http' });
    expect(lines.join('')).not.toContain(CANARY);
    expect(lines.join('')).not.toContain(GOOD_TOKEN);
  });
});
