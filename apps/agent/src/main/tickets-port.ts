import type { MyTicket, TicketChangeListener, TicketDraft } from '@deskside/agent-core';
import type { ConnectivityCheck, DiagnosticsBundle } from '@deskside/protocol';

/**
 * The slice of agent-core's `TicketDesk` the tray uses (Get help, My tickets, Check my connection).
 * Declared as a shape so the shell does not depend on the desk's internals; the desk satisfies it.
 */
export interface TicketsPort {
  create(draft: TicketDraft): Promise<MyTicket>;
  reply(ticketId: string, body: string): Promise<MyTicket>;
  confirm(ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket>;
  rate(ticketId: string, rating: 'good' | 'bad', comment: string | null): Promise<MyTicket>;
  list(): Promise<MyTicket[]>;
  hasOpenTicket(): Promise<boolean>;
  diagnostics(): Promise<DiagnosticsBundle>;
  checkConnection(): Promise<ConnectivityCheck>;
  onChange(listener: TicketChangeListener): () => void;
}
