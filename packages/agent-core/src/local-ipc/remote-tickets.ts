import type { ConnectivityCheck, DiagnosticsBundle } from '@deskside/protocol';
import type { MyTicket } from '../tickets/my-ticket.js';
import type { TicketDraft } from '../tickets/ticket-queue.js';
import type { TicketChangeListener } from '../tickets/ticket-sync.js';
import type { AgentIpcClient } from './ipc-client.js';

/**
 * The tray's tickets when agent-core runs in the system service: the same calls the tray makes on
 * an in-process `TicketDesk` (apps/agent's TicketsPort), answered by the service over local IPC
 * for this tray's OS user. The diagnostics are collected by the service; the tray only says
 * whether to attach them.
 */
export function remoteTickets(client: AgentIpcClient) {
  return {
    create(draft: TicketDraft): Promise<MyTicket> {
      const { subject, description, category, impact, urgency, screenshot } = draft;
      return client.call('tickets.create', { subject, description, category, impact, urgency, screenshot, includeDiagnostics: draft.diagnostics !== null });
    },
    reply: (ticketId: string, body: string): Promise<MyTicket> => client.call('tickets.reply', { ticketId, body }),
    confirm: (ticketId: string, fixed: boolean, comment: string | null): Promise<MyTicket> => client.call('tickets.confirm', { ticketId, fixed, comment }),
    rate: (ticketId: string, rating: 'good' | 'bad', comment: string | null): Promise<MyTicket> => client.call('tickets.rate', { ticketId, rating, comment }),
    list: (): Promise<MyTicket[]> => client.call('tickets.list', {}),
    hasOpenTicket: (): Promise<boolean> => client.call('tickets.hasOpen', {}),
    diagnostics: (): Promise<DiagnosticsBundle> => client.call('tickets.diagnostics', {}),
    checkConnection: (): Promise<ConnectivityCheck> => client.call('tickets.checkConnection', {}),
    onChange: (listener: TicketChangeListener): (() => void) => client.onTicket((ticket) => listener({ change: 'updated', ticket })),
  };
}
