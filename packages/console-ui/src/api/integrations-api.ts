import {
  ApiTokenListResponseSchema,
  ApiTokenSchema,
  CreatedApiTokenSchema,
  CreatedWebhookSchema,
  WebhookDeliveryListResponseSchema,
  WebhookDeliverySchema,
  WebhookListResponseSchema,
  WebhookSubscriptionSchema,
  type ApiToken,
  type CreateApiTokenRequest,
  type CreatedApiToken,
  type CreatedWebhook,
  type WebhookDelivery,
  type WebhookSubscription,
  MailChannelStatusSchema,
  type MailChannelStatus,
} from '@deskside/protocol';
import { createJsonCaller, type JsonCallerOptions, type Schema } from './json-caller.js';
import type { z } from 'zod';

/** What POST /api/v1/webhooks takes (the format may be left out: `deskside`). */
export type NewWebhook = { label: string; url: string; format: 'deskside' | 'slack' | 'teams'; events: string[]; siteIds?: string[] };

/** The OpenAPI document, as far as the reference page reads it. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  /** Event webhook bodies, by event name. */
  webhooks?: Record<string, { post?: { summary?: string; description?: string } }>;
}
export interface OpenApiOperation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

/** API tokens, event webhooks and the API reference (admins; auditors read). */
export interface IntegrationsApi {
  tokens(): Promise<ApiToken[]>;
  createToken(request: CreateApiTokenRequest): Promise<CreatedApiToken>;
  revokeToken(id: string): Promise<ApiToken>;
  webhooks(): Promise<WebhookSubscription[]>;
  /** The e-mail channel's health (GET /api/v1/channels/mail). */
  mailChannel(): Promise<MailChannelStatus>;
  createWebhook(request: NewWebhook): Promise<CreatedWebhook>;
  deleteWebhook(id: string): Promise<WebhookSubscription>;
  deliveries(id: string): Promise<WebhookDelivery[]>;
  sendTest(id: string): Promise<WebhookDelivery>;
  openApi(): Promise<OpenApiDocument>;
}

const OpenApiShape: Schema<OpenApiDocument> = {
  safeParse(value) {
    const v = value as Partial<OpenApiDocument> | null;
    const ok = typeof v === 'object' && v !== null && typeof v.info?.title === 'string' && typeof v.paths === 'object' && v.paths !== null;
    return ok ? { success: true, data: v as OpenApiDocument } : { success: false };
  },
};

const list = <S extends z.ZodType, K extends string>(schema: S, key: K): Schema<z.infer<S>[K & keyof z.infer<S>]> => ({
  safeParse(value) {
    const parsed = schema.safeParse(value);
    return parsed.success ? { success: true, data: (parsed.data as Record<K, z.infer<S>[K & keyof z.infer<S>]>)[key] } : { success: false };
  },
});

export function createIntegrationsApi(options: JsonCallerOptions): IntegrationsApi {
  const json = createJsonCaller(options);
  const id = (value: string) => encodeURIComponent(value);
  return {
    tokens: () => json('GET', '/api/v1/tokens', list(ApiTokenListResponseSchema, 'tokens')),
    createToken: (request) => json('POST', '/api/v1/tokens', CreatedApiTokenSchema, request),
    revokeToken: (tokenId) => json('DELETE', `/api/v1/tokens/${id(tokenId)}`, ApiTokenSchema),
    webhooks: () => json('GET', '/api/v1/webhooks', list(WebhookListResponseSchema, 'webhooks')),
    mailChannel: () => json('GET', '/api/v1/channels/mail', MailChannelStatusSchema),
    createWebhook: (request) => json('POST', '/api/v1/webhooks', CreatedWebhookSchema, request),
    deleteWebhook: (hookId) => json('DELETE', `/api/v1/webhooks/${id(hookId)}`, WebhookSubscriptionSchema),
    deliveries: (hookId) => json('GET', `/api/v1/webhooks/${id(hookId)}/deliveries`, list(WebhookDeliveryListResponseSchema, 'deliveries')),
    sendTest: (hookId) => json('POST', `/api/v1/webhooks/${id(hookId)}/test`, WebhookDeliverySchema),
    openApi: () => json('GET', '/api/v1/openapi.json', OpenApiShape),
  };
}
