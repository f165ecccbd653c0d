import { z } from 'zod';
import {
  AgentReleaseCheckAckSchema,
  AlertWriteAckSchema,
  EmployeeArticleSchema,
  EmployeeTicketSchema,
  KB_LIMITS,
  KbSyncAckSchema,
  SiteAppearanceSyncAckSchema,
  HeartbeatAckSchema,
  InventoryOfferAckSchema,
  InventoryStoredAckSchema,
  PresenceNoticeSchema,
  TicketCreatedAckSchema,
  ackSchema,
  IdSchema,
  type AgentToHubEvents,
  type Ack,
} from '@deskside/protocol';

/** What each agent → hub command's ack carries when it succeeds, to validate what the hub answers. */
export const ACK_DATA_SCHEMAS = {
  'device:heartbeat': HeartbeatAckSchema,
  'device:presence': z.object({ state: PresenceNoticeSchema.shape.state }),
  'inventory:offer': InventoryOfferAckSchema,
  'inventory:full': InventoryStoredAckSchema,
  'inventory:delta': InventoryStoredAckSchema,
  'alert:raise': AlertWriteAckSchema,
  'alert:clear': AlertWriteAckSchema,
  'ticket:create': TicketCreatedAckSchema,
  'ticket:reply': z.object({ ticketId: IdSchema }),
  'ticket:confirm': z.object({ ticketId: IdSchema }),
  'ticket:rate': z.object({ ticketId: IdSchema }),
  'tickets:mine': z.object({ tickets: z.array(EmployeeTicketSchema).max(1000) }),
  'kb:search': z.object({ articles: z.array(EmployeeArticleSchema).max(KB_LIMITS.searchResults) }),
  'kb:sync': KbSyncAckSchema,
  'kb:deflect': z.object({ articleId: IdSchema }),
  'kb:feedback': z.object({ articleId: IdSchema }),
  'action:status': z.object({ runId: IdSchema }),
  'release:check': AgentReleaseCheckAckSchema,
  'site:appearance': SiteAppearanceSyncAckSchema,
} as const satisfies { [E in keyof AgentToHubEvents]: z.ZodType };

export type AgentCommand = keyof AgentToHubEvents;
/** The payload of an agent → hub command. */
export type CommandPayload<E extends AgentCommand> = Parameters<AgentToHubEvents[E]>[0];
/** The data of a successful ack to an agent → hub command. */
export type CommandAckData<E extends AgentCommand> = z.infer<(typeof ACK_DATA_SCHEMAS)[E]>;

/** Parses a raw ack; anything malformed becomes an `invalid_payload` failure, never an exception. */
export function parseAck<E extends AgentCommand>(event: E, raw: unknown): Ack<CommandAckData<E>> {
  const parsed = ackSchema(ACK_DATA_SCHEMAS[event]).safeParse(raw);
  if (parsed.success) return parsed.data as Ack<CommandAckData<E>>;
  return { ok: false, error: { code: 'invalid_payload', message: `malformed ack to ${event}` } };
}
