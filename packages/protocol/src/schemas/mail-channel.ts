import { z } from 'zod';

/** One mailbox the hub reads (`--mailbox`): its label never carries the password. */
export const MailboxHealthSchema = z.object({
  mailbox: z.string().max(400),
  state: z.enum(['starting', 'ok', 'failing']),
  lastPollAt: z.string().datetime().nullable(),
  lastError: z.string().max(1000).nullable(),
  failures: z.number().int().nonnegative(),
  /** Mails taken (tickets and replies) since the hub started. */
  taken: z.number().int().nonnegative(),
});
export type MailboxHealth = z.infer<typeof MailboxHealthSchema>;

/** A mail the hub sent or is sending (the outbox), without its body. */
export const OutgoingMailSummarySchema = z.object({
  id: z.string().max(64),
  ticketId: z.string().max(64).nullable(),
  kind: z.string().max(32),
  to: z.string().max(320),
  subject: z.string().max(400),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(1000).nullable(),
  createdAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
});
export type OutgoingMailSummary = z.infer<typeof OutgoingMailSummarySchema>;

/** GET /api/v1/channels/mail: the e-mail channel's health, as this hub sees it. */
export const MailChannelStatusSchema = z.object({
  mailboxes: z.array(MailboxHealthSchema).max(100),
  /** Whether this hub reads the mailboxes now (in a cluster, one hub does: the others show "starting"). */
  readingHere: z.boolean(),
  smtp: z.boolean(),
  outgoing: z.array(OutgoingMailSummarySchema).max(50),
});
export type MailChannelStatus = z.infer<typeof MailChannelStatusSchema>;
