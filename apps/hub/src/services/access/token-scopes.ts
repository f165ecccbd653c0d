import type { ApiTokenScope } from '@deskside/protocol';
import type { Action } from './permissions.js';

/**
 * The actions each API token scope opens. A token may take an action only when one of its scopes
 * opens it AND its creator's role may take it (checked at every use), so a token never does more
 * than the person who made it. Anything not listed here (account, administration, tokens
 * themselves) is closed to every token.
 */
export const SCOPE_ACTIONS: Readonly<Record<ApiTokenScope, readonly Action[]>> = {
  // search.read: the search answers only the kinds the token's scopes and its creator's role open.
  'devices:read': ['devices.read', 'sites.read', 'search.read'],
  'devices:write': ['devices.write'],
  'alerts:read': ['alerts.read', 'policies.read', 'search.read'],
  'alerts:write': ['alerts.write'],
  'tickets:read': ['tickets.read', 'attachments.read', 'search.read'],
  'tickets:write': ['tickets.write'],
  'reports:read': ['reports.read', 'search.read'],
  export: ['export.read'],
  metrics: ['metrics.read'],
  'audit:read': ['audit.read'],
  'kb:read': ['kb.read'],
  'kb:write': ['kb.write'],
};

/** Whether a token with `scopes` may take `action` (its creator's role is checked separately). */
export function scopesAllow(scopes: readonly ApiTokenScope[], action: string): boolean {
  return scopes.some((scope) => (SCOPE_ACTIONS[scope] as readonly string[]).includes(action));
}

/** The scopes that would allow `action`, for a helpful refusal. */
export function scopesFor(action: string): ApiTokenScope[] {
  return (Object.keys(SCOPE_ACTIONS) as ApiTokenScope[]).filter((scope) => (SCOPE_ACTIONS[scope] as readonly string[]).includes(action));
}
