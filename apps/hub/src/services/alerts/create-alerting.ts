import { monotonicIds } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { describeWebhook } from '../notify/webhook-url.js';
import type { PumpLeadership } from '../notify/queue-pump.js';
import { WebhookNotifier, type WebhookNotifierOptions } from '../notify/webhook-notifier.js';
import { AlertService } from './alert-service.js';
import { PolicyService, type GroupMembership } from './policy-service.js';
import type { TicketHook } from './ticket-hook.js';

export interface AlertingDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The parsed alert webhook (`--alert-webhook` / DESKSIDE_ALERT_WEBHOOK); absent: no notifications. */
  webhook?: URL;
  groups?: GroupMembership & { exists(id: string): Promise<boolean> };
  tickets?: TicketHook;
  notifier?: Partial<WebhookNotifierOptions>;
  /** In a cluster: the notifier sends only on the hub leading the `webhooks` job. */
  cluster?: PumpLeadership;
}

/** The alerting side of the hub, built once by the composition root. */
export interface Alerting {
  policies: PolicyService;
  alerts: AlertService;
  notifier: WebhookNotifier | undefined;
  groupExists?: (id: string) => Promise<boolean>;
  close(): Promise<void>;
}

/** Loads policies, builds the alert service and (with a webhook) the notifier, and starts it. */
export async function createAlerting(deps: AlertingDeps): Promise<Alerting> {
  const logger = deps.logger.child({ component: 'alerts' });
  const ids = monotonicIds(() => deps.clock().getTime());
  const policies = new PolicyService({ store: deps.store, clock: deps.clock, logger, ...(deps.groups ? { groups: deps.groups } : {}) });
  await policies.load();
  const alerts = new AlertService({
    store: deps.store,
    clock: deps.clock,
    newId: ids,
    logger,
    policies,
    notificationsEnabled: deps.webhook !== undefined,
    ...(deps.tickets ? { tickets: deps.tickets } : {}),
  });
  let notifier: WebhookNotifier | undefined;
  if (deps.webhook) {
    notifier = new WebhookNotifier({ store: deps.store, clock: deps.clock, logger: deps.logger.child({ component: 'notify' }), url: deps.webhook, ...(deps.notifier ? { options: deps.notifier } : {}), ...(deps.cluster ? { cluster: deps.cluster } : {}) });
    const n = notifier;
    alerts.onChange({ changed: () => undefined, notificationsQueued: () => n.wake() });
    // Whatever a previous run left queued goes out now.
    n.wake();
    logger.info('critical alerts are sent to a webhook', { webhook: describeWebhook(deps.webhook) });
  }
  return {
    policies,
    alerts,
    notifier,
    ...(deps.groups ? { groupExists: (id: string) => deps.groups?.exists(id) ?? Promise.resolve(false) } : {}),
    async close() {
      // A ticket being opened for an alert finishes before the store closes under it.
      await alerts.settled();
      await notifier?.close();
    },
  };
}
