import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Action } from '../services/access/permissions.js';
import type { AuthenticatedUser } from '../services/auth/session.js';
import { ServiceError } from '../services/service-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  /** Path parameters (`:id`), percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Set for routes that are not public (the bearer check ran before the handler). */
  user?: AuthenticatedUser;
  /** Remote address, for throttling. */
  ip: string;
}

/** A JSON answer; `status` defaults to 200. Text answers (metrics) set `text` and `contentType`. */
export type RouteResult =
  | { status?: number; json: unknown }
  | { status?: number; text: string; contentType: string }
  /** A streamed answer (exports): the route sets its headers and ends `res` itself. */
  | { stream: (res: ServerResponse) => Promise<void> };

export interface Route {
  method: HttpMethod;
  /** `/api/v1/devices/:id`: literal segments and `:name` parameters. */
  path: string;
  /** Public routes skip the bearer check (login, enrol, health). */
  public?: boolean;
  /**
   * The action (services/access/permissions.ts) a non-public route performs; the caller's role is
   * checked against it before the handler runs. A non-public route without one is refused to all.
   */
  permission?: Action;
  handler: (ctx: RouteContext) => Promise<RouteResult>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** A tiny method + path router: exact segments, `:param` captures, first match wins. */
export function createRouter(routes: readonly Route[]): { match(method: string, pathname: string): RouteMatch | undefined } {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  return {
    match(method, pathname) {
      const parts = pathname.split('/').filter(Boolean);
      for (const { route, segments } of compiled) {
        if (route.method !== method || segments.length !== parts.length) continue;
        const params: Record<string, string> = {};
        let ok = true;
        for (let i = 0; i < segments.length && ok; i++) {
          const seg = segments[i] ?? '';
          const part = parts[i] ?? '';
          if (seg.startsWith(':')) params[seg.slice(1)] = decodeSegment(part);
          else ok = seg === part;
        }
        if (ok) return { route, params };
      }
      return undefined;
    },
  };
}

/** The signed-in user of a non-public route. */
export function requireUser(ctx: RouteContext): AuthenticatedUser {
  if (!ctx.user) throw new ServiceError('unauthorized', 'Sign in first.');
  return ctx.user;
}

function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ServiceError('bad_request', 'The path is not valid percent-encoding.');
  }
}
