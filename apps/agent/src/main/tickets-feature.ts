import { checkConnectivity, systemConnectivityProbes, type TicketChangeEvent } from '@deskside/agent-core';
import type { WebContents } from 'electron';
import type { AgentConnectionStatus, Language } from '../common/bridge-api.js';
import { IPC_EVENT_CHANNELS } from '../common/ipc-channels.js';
import { HelpSession, TicketsUnavailableError } from './help-session.js';
import type { HandlerDeps } from './ipc-handlers.js';
import type { Logger } from './logger.js';
import type { CapturedScreenshot } from './screenshot.js';
import { setupTicketNotifications, type TicketNotice } from './ticket-notifications.js';
import { connectivityView, diagnosticsView, ticketView } from './ticket-view.js';
import type { TicketsPort } from './tickets-port.js';
import type { WindowKind } from './windows.js';

/** What the ticket feature needs from the rest of the shell. */
export interface TicketFeatureOptions {
  tickets: () => TicketsPort | null;
  status: () => AgentConnectionStatus;
  onTicketChange: (listener: (event: TicketChangeEvent) => void) => () => void;
  /** The configured hub, for "Check my connection" before the agent runs. */
  hubUrl: string | null;
  capture: () => Promise<CapturedScreenshot | null>;
  notify: (notice: TicketNotice, onClick: () => void) => void;
  /** The language notifications speak (the employee's, see Appearance). */
  language?: () => Language;
  windows: {
    show(kind: WindowKind, query?: Record<string, string>): unknown;
    isOpen(kind: WindowKind): boolean;
    contentsOf(kind: WindowKind): WebContents | null;
    allContents(): WebContents[];
  };
  logger: Logger;
}

export type TicketHandlerDeps = Pick<
  HandlerDeps,
  'diagnosticsPreview' | 'screenshot' | 'removeScreenshot' | 'submitTicket' | 'listMyTickets' | 'replyToTicket' | 'confirmFix' | 'rateTicket' | 'checkConnection'
>;

/**
 * Get help, My tickets, Check my connection and ticket notifications: the IPC handlers behind the
 * bridge calls, the menu actions, and the pushes of ticket changes to the open windows.
 */
export function createTicketFeature(options: TicketFeatureOptions) {
  const { windows, logger } = options;
  const session = new HelpSession({
    capture: options.capture,
    tickets: options.tickets,
    online: () => options.status() === 'connected',
    logger,
  });
  const required = (): TicketsPort => {
    const tickets = options.tickets();
    if (!tickets) throw new TicketsUnavailableError();
    return tickets;
  };

  const handlers: TicketHandlerDeps = {
    diagnosticsPreview: async () => diagnosticsView(await session.diagnostics()),
    screenshot: () => session.screenshotPreview(),
    removeScreenshot: () => session.removeScreenshot(),
    submitTicket: (form) => session.submit(form),
    listMyTickets: async () => (await options.tickets()?.list())?.map(ticketView) ?? [],
    replyToTicket: async (ticketId, body) => ticketView(await required().reply(ticketId, body)),
    confirmFix: async (ticketId, fixed, comment) => ticketView(await required().confirm(ticketId, fixed, comment)),
    rateTicket: async (ticketId, rating, comment) => ticketView(await required().rate(ticketId, rating, comment)),
    checkConnection: async () =>
      connectivityView(await (options.tickets()?.checkConnection() ?? checkConnectivity(systemConnectivityProbes(), options.hubUrl))),
  };

  /** The screenshot is taken first, so the Get help window itself is not in it. */
  const openGetHelp = async (): Promise<void> => {
    if (!windows.isOpen('get-help')) await session.begin();
    windows.show('get-help');
  };

  const openMyTickets = (ticketId?: string): void => {
    const open = windows.contentsOf('my-tickets');
    windows.show('my-tickets', ticketId && !open ? { ticket: ticketId } : undefined);
    if (open && ticketId && !open.isDestroyed()) open.send(IPC_EVENT_CHANNELS.showTicket, ticketId);
  };

  /** Pushes ticket changes to the open windows and turns answers into notifications. */
  const setup = (): void => {
    options.onTicketChange((event) => {
      for (const contents of windows.allContents()) {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNELS.ticketUpdated, ticketView(event.ticket));
      }
    });
    setupTicketNotifications({ onChange: options.onTicketChange, show: options.notify, openTicket: openMyTickets, ...(options.language ? { language: options.language } : {}) });
  };

  return {
    handlers,
    openGetHelp,
    openMyTickets,
    openCheckConnection: () => windows.show('check-connection'),
    setup,
  };
}
