/** Records and repository of the e-mail channel (migration 0023). */

export type MailOutcome = 'ticket' | 'reply' | 'ignored' | 'refused' | 'sent';

export interface MailMessageRecord {
  /** Message-ID without angle brackets, or `sha256:<hex>` of a message that has none. */
  messageId: string;
  direction: 'in' | 'out';
  mailbox: string;
  ticketId: string | null;
  outcome: MailOutcome;
  createdAt: Date;
}

export type OutgoingMailStatus = 'pending' | 'sent' | 'dead';

export interface OutgoingMailRecord {
  id: string;
  ticketId: string | null;
  /** What the mail says: 'received', 'reply', 'resolved', … (for the log and metrics). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  status: OutgoingMailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface MailRepository {
  /** Remembers a message; false when its id was already recorded (it was taken or sent before). */
  record(message: MailMessageRecord): Promise<boolean>;
  find(messageId: string): Promise<MailMessageRecord | undefined>;
  /** The first of these ids that belongs to a ticket, in the order given (threading). */
  ticketOf(messageIds: readonly string[]): Promise<string | undefined>;
  /** The Message-IDs of a ticket's mails, oldest first (References of the next reply). */
  threadOf(ticketId: string, limit: number): Promise<string[]>;
  enqueue(mail: OutgoingMailRecord): Promise<void>;
  due(now: Date, limit: number): Promise<OutgoingMailRecord[]>;
  nextDue(): Promise<Date | undefined>;
  recordAttempt(id: string, outcome: { status: OutgoingMailStatus; attempts: number; nextAttemptAt: Date; lastError: string | null; at: Date }): Promise<void>;
  /** Newest first, for the console. */
  recentOutgoing(limit: number): Promise<OutgoingMailRecord[]>;
}

export interface MailRepositories {
  readonly mail: MailRepository;
}
