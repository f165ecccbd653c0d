import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text, Timestamp } from './common.js';

/**
 * What an API token may do. Each scope opens a few actions of the permission table; a token can
 * never do more than its creator could (role and sites, checked again at every use).
 */
export const API_TOKEN_SCOPES = [
  'devices:read',
  'devices:write',
  'alerts:read',
  'alerts:write',
  'tickets:read',
  'tickets:write',
  'reports:read',
  'export',
  'metrics',
  'audit:read',
  'kb:read',
  'kb:write',
] as const;
export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;

/** `POST /api/v1/tokens`. */
export const CreateApiTokenRequestSchema = z
  .object({
    label: text(128).min(1),
    scopes: z.array(ApiTokenScopeSchema).min(1).max(API_TOKEN_SCOPES.length),
    /** Limits the token to these sites (within the creator's); omitted or empty = the creator's sites. */
    siteIds: z.array(IdSchema).max(256).optional(),
    /** Omitted = no expiry. */
    expiresAt: Timestamp.optional(),
  })
  .strict();
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

/** An API token as listed: never the token itself. */
export const ApiTokenSchema = z.object({
  id: IdSchema,
  label: text(128),
  /** The token's first characters, to tell tokens apart. */
  prefix: text(32),
  scopes: z.array(ApiTokenScopeSchema),
  siteIds: z.array(IdSchema),
  createdBy: z.object({ id: IdSchema, name: text(128) }),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** The answer to a creation: the plaintext token, shown this once. */
export const CreatedApiTokenSchema = z.object({ apiToken: ApiTokenSchema, token: text(256) });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ApiTokenListResponseSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokenListResponse = z.infer<typeof ApiTokenListResponseSchema>;
