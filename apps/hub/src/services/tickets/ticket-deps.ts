import type { EmployeeTicket, TicketEvent } from '@deskside/protocol';
import type { Repositories, Store, TicketRecord } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import type { AttachmentFiles } from './attachments.js';
import type { SlaSettingsService } from './sla-settings.js';

export type TicketActor = TicketEvent['actor'];

/** The hub itself (auto-close, SLA watch, incident grouping). */
export const SYSTEM_ACTOR: TicketActor = { type: 'system', userId: null, name: 'Deskside' };

/** What the ticket service tells the live side after a commit. */
export interface TicketNotifier {
  /** These tickets changed (the coalesced console feed). */
  ticketsChanged(ids: readonly string[]): void;
  /** The employee's view of a ticket of this device changed (`ticket:updated`). */
  employeeTicketChanged(deviceId: string, ticket: EmployeeTicket): void;
}

/** The alert side, when the hub has it: link checks and the hub's `sla-breach` alert. */
export interface TicketAlerts {
  findAlert(alertId: string): Promise<{ deviceId: string } | undefined>;
  raiseSlaBreach(ticket: TicketRecord, which: 'first-response' | 'resolution'): Promise<void>;
  /** "Not fixed": the assignee (and the live alert feed) learns the employee reopened it, and why. */
  raiseReopened(ticket: TicketRecord, comment: string, assigneeName: string | null): Promise<void>;
}

/** The hub's audit log (services/audit): ticket changes commit with their audit row. */
export interface TicketAudit {
  recordIn(tx: Repositories, actor: { id: string; name: string }, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
}

/** Mail to requesters who wrote by mail (services/channels/mail), queued in the change's transaction. */
export interface TicketMail {
  queueIn(tx: Repositories, ticket: TicketRecord, kind: 'reply' | 'resolved', body: string | null, now: Date): Promise<void>;
}

export interface TicketDeps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  sla: SlaSettingsService;
  files: AttachmentFiles;
  notifier: TicketNotifier;
  alerts?: TicketAlerts;
  audit?: TicketAudit;
  /** With --smtp: public answers to e-mail tickets go out by mail too. */
  mail?: TicketMail;
}
