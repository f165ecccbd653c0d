import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';
import { LATENCY_BUCKETS, type MetricsRegistry } from '../metrics/registry.js';
import type { AuthenticatedUser } from '../services/auth/session.js';
import { can } from '../services/access/permissions.js';
import { scopesAllow, scopesFor } from '../services/access/token-scopes.js';
import { ServiceError } from '../services/service-error.js';
import { bearerToken } from './bearer.js';
import { sendError, sendJson, sendText } from './respond.js';
import { createRouter, type Route, type RouteResult } from './router.js';
import { setSecurityHeaders } from './security-headers.js';
import { createStaticSite } from './static-files.js';

export interface HttpHandlerDeps {
  routes: readonly Route[];
  authenticate: (token: string) => Promise<AuthenticatedUser | undefined>;
  logger: Logger;
  metrics: MetricsRegistry;
  /** Origins allowed to send state-changing requests from a browser. */
  allowedOrigins: readonly string[];
  /** The console's dist/ (tests); by default the `@deskside/console-ui` package's. */
  consoleDir?: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The hub's HTTP entry: security headers on everything, the API routes (bearer-checked unless
 * public), the console's static files for other GETs, one JSON log line per request.
 */
export function createHttpHandler(deps: HttpHandlerDeps): RequestListener {
  const router = createRouter(deps.routes);
  const serveStatic = createStaticSite(deps.consoleDir);
  const log = deps.logger.child({ component: 'http' });
  const requests = deps.metrics.counter('deskside_http_requests_total', 'HTTP requests answered, by method and status.', ['method', 'status']);
  const durations = deps.metrics.histogram('deskside_http_request_duration_seconds', 'HTTP requests: arrival to last byte, by method, route template and status.', {
    buckets: LATENCY_BUCKETS,
    labelNames: ['method', 'route', 'status'],
  });
  /** The route template of each request being answered (bounded labels: never a raw path). */
  const routeOf = new WeakMap<IncomingMessage, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const match = router.match(method === 'HEAD' ? 'GET' : method, pathname);
    routeOf.set(req, match ? match.route.path : isApiPath(pathname) ? 'unmatched' : 'static');
    if (!match) {
      if ((method === 'GET' || method === 'HEAD') && !isApiPath(pathname)) return serveStatic(req, res, rawPathOf(req));
      throw new ServiceError('not_found', `No route for ${method} ${pathname.slice(0, 200)}.`);
    }
    if (method !== 'GET' && method !== 'HEAD') checkOrigin(req, deps.allowedOrigins);
    let user: AuthenticatedUser | undefined;
    if (!match.route.public) {
      const token = bearerToken(req);
      user = token === undefined ? undefined : await deps.authenticate(token);
      if (!user) throw new ServiceError('unauthorized', 'Sign in first: send Authorization: Bearer <token> from POST /api/v1/login.');
      // Deny by default: a route that declares no action is refused to every role.
      if (match.route.permission === undefined || !can(user, match.route.permission)) {
        throw new ServiceError('forbidden', 'Your role may not do this.');
      }
      // An API token also needs a scope that opens the action.
      if (user.apiToken && !scopesAllow(user.apiToken.scopes, match.route.permission)) {
        const needed = scopesFor(match.route.permission);
        throw new ServiceError('forbidden', needed.length > 0 ? `This API token lacks the scope: ${needed.join(' or ')}.` : 'API tokens may not do this; sign in instead.');
      }
    }
    const url = new URL(req.url ?? '/', 'http://hub');
    const result = await match.route.handler({
      req,
      params: match.params,
      query: url.searchParams,
      ip: req.socket.remoteAddress ?? 'unknown',
      ...(user ? { user } : {}),
    });
    await send(res, result);
  };

  return (req, res) => {
    const started = process.hrtime.bigint();
    setSecurityHeaders(res);
    const pathname = pathnameOf(req);
    res.on('finish', () => {
      const method = METHODS.has(req.method ?? '') ? (req.method ?? 'GET') : 'OTHER';
      requests.inc({ method, status: String(res.statusCode) });
      durations.observe(Number(process.hrtime.bigint() - started) / 1e9, { method, route: routeOf.get(req) ?? 'unmatched', status: String(res.statusCode) });
      // The path only: a query string could carry a secret, and headers are never logged.
      log.info('request', {
        method,
        path: pathname.slice(0, 256),
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    handle(req, res, pathname).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ServiceError) {
        // A body we stopped reading is still arriving: do not keep the connection alive for it.
        if (error.code === 'payload_too_large') res.setHeader('Connection', 'close');
        if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
        sendError(res, error.code, error.message);
        return;
      }
      log.error('request failed', { method: req.method, path: pathname.slice(0, 256), error });
      sendError(res, 'internal', 'Internal error.');
    });
  };
}

async function send(res: ServerResponse, result: RouteResult): Promise<void> {
  if ('stream' in result) await result.stream(res);
  else if ('json' in result) sendJson(res, result.status ?? 200, result.json);
  else sendText(res, result.status ?? 200, result.text, result.contentType);
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname === '/metrics' || pathname === '/healthz';
}

function rawPathOf(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
}

function pathnameOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://hub').pathname;
  } catch {
    return '/';
  }
}

function checkOrigin(req: IncomingMessage, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  // Agents and scripts send no Origin; a browser on another site does, and is refused. The page's
  // own origin (whatever name the hub was reached by) is always allowed.
  if (origin === undefined || allowed.includes(origin) || sameHost(origin, req.headers.host)) return;
  throw new ServiceError('forbidden', 'Requests from this origin are not allowed.');
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
