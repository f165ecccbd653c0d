import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { AlertSchema } from './alert.js';
import { text, Timestamp } from './common.js';
import { TicketSchema } from './ticket.js';

/** What a webhook subscription can listen to. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.resolved',
  'alert.raised',
  'alert.resolved',
  'device.enrolled',
  'device.unreachable',
  'device.merged',
  'sla.breached',
] as const;
export const WebhookEventNameSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEventName = z.infer<typeof WebhookEventNameSchema>;

/** A device as webhook bodies name it. */
export const WebhookDeviceSchema = z.object({ id: IdSchema, hostname: text(255), siteId: IdSchema });

const envelope = <E extends WebhookEventName | 'webhook.test', D extends z.ZodType>(event: E, data: D) =>
  z.object({
    /** Unique per event: receivers drop a repeated id (deliveries are at least once). */
    id: IdSchema,
    event: z.literal(event),
    occurredAt: Timestamp,
    /** `true` for "send test" deliveries. */
    test: z.boolean(),
    data,
  });

/**
 * The JSON body a `deskside` webhook receives. Headers: `X-Deskside-Event`, `X-Deskside-Delivery`,
 * and `X-Deskside-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the
 * subscription's secret>`. Receivers recompute it, compare in constant time, and refuse a `t` more
 * than 5 minutes from their clock (replays) and an `id` they have seen.
 */
export const WebhookBodySchema = z.discriminatedUnion('event', [
  envelope('ticket.created', z.object({ ticket: TicketSchema })),
  envelope('ticket.updated', z.object({ ticket: TicketSchema })),
  envelope('ticket.resolved', z.object({ ticket: TicketSchema })),
  envelope('sla.breached', z.object({ ticket: TicketSchema, target: z.enum(['first-response', 'resolution']).nullable() })),
  envelope('alert.raised', z.object({ alert: AlertSchema })),
  envelope('alert.resolved', z.object({ alert: AlertSchema })),
  envelope('device.enrolled', z.object({ device: WebhookDeviceSchema })),
  envelope('device.unreachable', z.object({ device: WebhookDeviceSchema, lastSeen: Timestamp.nullable() })),
  envelope('device.merged', z.object({ device: WebhookDeviceSchema, into: WebhookDeviceSchema })),
  /** "Send test" from the console: proves the URL, the network path and the receiver's signature check. */
  envelope('webhook.test', z.object({ webhookId: IdSchema, message: text(256) })),
]);
export type WebhookBody = z.infer<typeof WebhookBodySchema>;

/** `deskside`: the signed JSON above; `slack` / `teams`: a short text message for a chat channel. */
export const WebhookFormatSchema = z.enum(['deskside', 'slack', 'teams']);

/** `POST /api/v1/webhooks`. */
export const CreateWebhookRequestSchema = z
  .object({
    label: text(128).min(1),
    url: z.url({ protocol: /^https?$/ }).max(2048),
    format: WebhookFormatSchema.default('deskside'),
    events: z.array(WebhookEventNameSchema).min(1).max(WEBHOOK_EVENTS.length),
    /** Only events of these sites; omitted or empty = every site. */
    siteIds: z.array(IdSchema).max(256).optional(),
  })
  .strict();
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequestSchema>;

/** A subscription as listed: the URL's host only (a chat webhook URL is itself a secret). */
export const WebhookSubscriptionSchema = z.object({
  id: IdSchema,
  label: text(128),
  urlHost: text(255),
  format: WebhookFormatSchema,
  events: z.array(WebhookEventNameSchema),
  siteIds: z.array(IdSchema),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;

/** The answer to a creation: the signing secret, shown this once. */
export const CreatedWebhookSchema = z.object({ webhook: WebhookSubscriptionSchema, secret: text(128) });
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const WebhookListResponseSchema = z.object({ webhooks: z.array(WebhookSubscriptionSchema) });

/** One line of a subscription's delivery log. */
export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  event: text(64),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int().nonnegative(),
  lastStatus: z.number().int().nullable(),
  lastError: text(256).nullable(),
  createdAt: Timestamp,
  nextAttemptAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListResponseSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });
