import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { TicketHook } from '../alerts/ticket-hook.js';
import { alertsAdapter } from './alerts-adapter.js';
import { AttachmentFiles } from './attachments.js';
import { SlaSettingsService } from './sla-settings.js';
import type { TicketAudit, TicketDeps, TicketMail, TicketNotifier } from './ticket-deps.js';
import { createTicketIntake } from './ticket-intake.js';
import { createTicketService, type TicketService } from './ticket-service.js';

export interface TicketDeskDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  dataDir: string;
  /** Told what changed after each commit (the hub's event channel). */
  notifier: TicketNotifier;
  audit?: TicketAudit;
  /** With --smtp: answers to e-mail tickets go out by mail. */
  mail?: TicketMail;
  /** Zone of the default business calendar; the hub's own by default. */
  defaultTimeZone?: string;
}

/**
 * Builds the ticket desk with the alert side in between: alerting opens tickets through the
 * desk's intake (`hook`), and the desk raises SLA-breach alerts and checks alert links through
 * what `alerting` builds. Built in that order, so neither is bound late.
 */
export async function createTicketDesk<A extends { alerts: AlertService } | undefined>(
  deps: TicketDeskDeps,
  alerting: (hook: TicketHook) => Promise<A> | A,
): Promise<{ service: TicketService; alerting: A }> {
  const core: TicketDeps = {
    store: deps.store,
    clock: deps.clock,
    newId: deps.newId,
    logger: deps.logger.child({ component: 'tickets' }),
    sla: new SlaSettingsService(deps.store, deps.clock, deps.defaultTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
    files: new AttachmentFiles(deps.dataDir, deps.logger.child({ component: 'attachments' })),
    notifier: deps.notifier,
    ...(deps.audit ? { audit: deps.audit } : {}),
    ...(deps.mail ? { mail: deps.mail } : {}),
  };
  const intake = createTicketIntake(core);
  const built = await alerting({ openForAlert: (alert) => intake.openForAlert(alert) });
  const service = createTicketService({ ...core, ...(built ? { alerts: alertsAdapter(built.alerts) } : {}) }, { intake });
  return { service, alerting: built };
}
