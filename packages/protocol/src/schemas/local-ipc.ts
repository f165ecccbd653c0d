import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { ConnectivityCheckSchema, DiagnosticsBundleSchema } from './diagnostics.js';
import { Timestamp, text } from './common.js';
import {
  ImpactSchema,
  PrioritySchema,
  PublicMessageSchema,
  SatisfactionSchema,
  ScreenshotUploadSchema,
  TicketCategorySchema,
  TicketStatusSchema,
  UrgencySchema,
} from './ticket.js';

/**
 * The local IPC between the agent service and each logged-in user's tray (Unix socket / named
 * pipe): one JSON object per line, at most LOCAL_IPC_MAX_LINE bytes. The tray says who it is
 * (`hello`), the service writes a fresh secret into a file only that OS user can read and answers
 * where (`challenge`), the tray proves it read it (`prove`), then calls methods scoped to that user.
 */
export const LOCAL_IPC_VERSION = 1;
export const LOCAL_IPC_MAX_LINE = 2 * 1024 * 1024;

/** An OS login name as the tray claims it (checked by the challenge, never trusted as such). */
export const LocalUserNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\s/:*?"<>|]+$/, 'not a login name')
  .refine((name) => [...name].every((c) => c >= ' '), 'not a login name');

export const LocalHelloSchema = z.object({
  type: z.literal('hello'),
  v: z.literal(LOCAL_IPC_VERSION),
  user: LocalUserNameSchema,
  /** POSIX uid of the tray's process; null on Windows. */
  uid: z.number().int().min(0).max(4_294_967_294).nullable(),
});
export const LocalProveSchema = z.object({ type: z.literal('prove'), secret: z.string().regex(/^[0-9a-f]{64}$/) });
/** The tray is quitting on purpose (the user chose Quit): the service does not restart it. */
export const LocalByeSchema = z.object({ type: z.literal('bye') });

/** The tray's view of one of its user's tickets (the bridge's MyTicketView). */
export const LocalMyTicketSchema = z.object({
  id: IdSchema,
  number: z.number().int().positive().nullable(),
  subject: text(200),
  category: TicketCategorySchema,
  status: TicketStatusSchema,
  priority: PrioritySchema,
  delivery: z.enum(['queued', 'sent', 'failed']),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  messages: z.array(PublicMessageSchema.extend({ pending: z.boolean() })).max(600),
  /** Resolved and not answered yet: the tray asks "Is this fixed?". */
  askConfirm: z.boolean(),
  resolvedBy: text(128).nullable(),
  confirmDays: z.number().int().min(1).max(60).nullable(),
  satisfaction: z.object({ rating: SatisfactionSchema, comment: text(4096).nullable() }).nullable(),
});
export type LocalMyTicket = z.infer<typeof LocalMyTicketSchema>;

/** The service's status as a tray shows it. */
export const LocalAgentStatusSchema = z.object({
  phase: z.enum(['idle', 'enrolling', 'connecting', 'connected', 'offline', 'stopped', 'error']),
  hubUrl: z.string().max(2048).nullable(),
  deviceId: z.string().max(64).nullable(),
});
export type LocalAgentStatus = z.infer<typeof LocalAgentStatusSchema>;

/** Every method a tray may call, with its parameters and its answer. */
export const LocalMethods = {
  'tickets.list': { params: z.object({}), result: z.array(LocalMyTicketSchema).max(1000) },
  'tickets.hasOpen': { params: z.object({}), result: z.boolean() },
  'tickets.create': {
    params: z.object({
      subject: text(200).min(1),
      description: text(16_384).min(1),
      category: TicketCategorySchema,
      impact: ImpactSchema,
      urgency: UrgencySchema,
      /** The service collects the diagnostics itself; the tray only says whether to attach them. */
      includeDiagnostics: z.boolean(),
      screenshot: ScreenshotUploadSchema.nullable(),
    }),
    result: LocalMyTicketSchema,
  },
  'tickets.reply': { params: z.object({ ticketId: IdSchema, body: text(16_384).min(1) }), result: LocalMyTicketSchema },
  'tickets.confirm': { params: z.object({ ticketId: IdSchema, fixed: z.boolean(), comment: text(16_384).nullable() }), result: LocalMyTicketSchema },
  'tickets.rate': { params: z.object({ ticketId: IdSchema, rating: SatisfactionSchema, comment: text(4096).nullable() }), result: LocalMyTicketSchema },
  'tickets.diagnostics': { params: z.object({}), result: DiagnosticsBundleSchema },
  'tickets.checkConnection': { params: z.object({}), result: ConnectivityCheckSchema },
  'agent.status': { params: z.object({}), result: LocalAgentStatusSchema },
} as const;
export type LocalMethod = keyof typeof LocalMethods;
export const LocalMethodSchema = z.enum(Object.keys(LocalMethods) as [LocalMethod, ...LocalMethod[]]);
export type LocalParams<M extends LocalMethod> = z.infer<(typeof LocalMethods)[M]['params']>;
export type LocalResult<M extends LocalMethod> = z.infer<(typeof LocalMethods)[M]['result']>;

export const LocalCallSchema = z.object({ type: z.literal('call'), id: z.number().int().min(0), method: LocalMethodSchema, params: z.unknown() });

/** Everything a tray may send. */
export const LocalClientMessageSchema = z.discriminatedUnion('type', [LocalHelloSchema, LocalProveSchema, LocalByeSchema, LocalCallSchema]);
export type LocalClientMessage = z.infer<typeof LocalClientMessageSchema>;

const LocalErrorSchema = z.object({ code: z.string().max(64), message: z.string().max(1024) });

/** Everything the service may send. */
export const LocalServerMessageSchema = z.union([
  z.object({ type: z.literal('challenge'), path: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('welcome'), user: LocalUserNameSchema }),
  z.object({ type: z.literal('refused'), error: LocalErrorSchema }),
  z.object({ type: z.literal('result'), id: z.number().int().min(0), ok: z.literal(true), data: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int().min(0), ok: z.literal(false), error: LocalErrorSchema }),
  z.object({ type: z.literal('event'), event: z.literal('ticket'), data: LocalMyTicketSchema }),
  z.object({ type: z.literal('event'), event: z.literal('status'), data: LocalAgentStatusSchema }),
]);
export type LocalServerMessage = z.infer<typeof LocalServerMessageSchema>;
