import { newId, type EmployeeTicket } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { TicketHook } from '../alerts/ticket-hook.js';
import { alertsAdapter } from './alerts-adapter.js';
import { AttachmentFiles } from './attachments.js';
import { SlaSettingsService } from './sla-settings.js';
import type { TicketAudit, TicketNotifier } from './ticket-deps.js';
import { createTicketService, type TicketService } from './ticket-service.js';

export interface TicketDeskDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  audit?: TicketAudit;
  /** Zone of the default business calendar; the hub's own by default. */
  defaultTimeZone?: string;
}

/** The ticket desk as the composition root holds it. */
export interface TicketDesk {
  service: TicketService;
  /** For the alert service: tickets opened for critical alerts. */
  hook: TicketHook;
  /** Binds the alert service once it exists (SLA-breach alerts, link checks). */
  useAlerts(alerts: AlertService): void;
  /** Binds the live side (console feed, device pushes); until then changes are only stored. */
  useNotifier(notifier: TicketNotifier): void;
  /** Also tells `listener` which tickets changed (integration events); answers the unsubscribe. */
  onChanged(listener: (ids: readonly string[]) => void): () => void;
}

/** Builds the ticket desk; the alert service and the live side are bound later (they need it first). */
export function createTicketDesk(deps: TicketDeskDeps): TicketDesk {
  let alerts: AlertService | undefined;
  let notifier: TicketNotifier | undefined;
  const watchers = new Set<(ids: readonly string[]) => void>();
  const relay: TicketNotifier = {
    ticketsChanged: (ids) => {
      notifier?.ticketsChanged(ids);
      for (const watch of watchers) watch(ids);
    },
    employeeTicketChanged: (deviceId: string, ticket: EmployeeTicket) => notifier?.employeeTicketChanged(deviceId, ticket),
  };
  const logger = deps.logger.child({ component: 'tickets' });
  const service = createTicketService({
    store: deps.store,
    clock: deps.clock,
    newId: () => newId(deps.clock().getTime()),
    logger,
    sla: new SlaSettingsService(deps.store, deps.clock, deps.defaultTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
    files: new AttachmentFiles(deps.dataDir),
    notifier: relay,
    alerts: alertsAdapter(() => alerts),
    ...(deps.audit ? { audit: deps.audit } : {}),
  });
  return {
    service,
    hook: { openForAlert: (alert) => service.intake.openForAlert(alert) },
    useAlerts: (a) => void (alerts = a),
    useNotifier: (n) => void (notifier = n),
    onChanged(listener) {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
  };
}
