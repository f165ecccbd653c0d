import type { EpochMs } from '../schema.js';

/** Mail the hub took from a mailbox or sent (migration 0023), by Message-ID. */
export interface MailMessagesTable {
  message_id: string;
  /** 'in' | 'out'. */
  direction: string;
  /** The mailbox's label ('user@host/INBOX'), or 'smtp' for sent mail. */
  mailbox: string;
  ticket_id: string | null;
  /** 'ticket' | 'reply' | 'ignored' | 'refused' | 'sent'. */
  outcome: string;
  created_at: EpochMs;
}

/** Outgoing mail, written in the transaction that caused it, sent by the mail dispatcher. */
export interface MailOutboxTable {
  id: string;
  ticket_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string;
  in_reply_to: string | null;
  /** JSON array of Message-IDs. */
  references_ids: string;
  /** 'pending' | 'sent' | 'dead'. */
  status: string;
  attempts: number;
  next_attempt_at: EpochMs;
  last_error: string | null;
  created_at: EpochMs;
  finished_at: EpochMs | null;
}

export interface MailTables {
  mail_messages: MailMessagesTable;
  mail_outbox: MailOutboxTable;
}
