import type { Alert } from '@deskside/protocol';

/**
 * How the alert service opens a ticket for a critical alert whose check the policy names in
 * `autoTicketChecks`. Implemented over the tickets service where the hub is composed; answers the
 * new ticket's id, or null when no ticket was opened.
 */
export interface TicketHook {
  openForAlert(alert: Alert): Promise<string | null>;
}
