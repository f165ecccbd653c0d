import type { Store } from '@deskside/store';
import type { Clock } from '../../../clock.js';
import type { HubConfig } from '../../../config.js';
import type { Logger } from '../../../log/logger.js';
import { createAttemptLimiter } from '../../auth/attempt-limiter.js';
import type { TicketIntake } from '../../tickets/ticket-intake.js';
import { MailDispatcher } from './mail-dispatcher.js';
import { createMailIntake, type MailIntake } from './mail-intake.js';
import { createMailOut, type MailOut } from './mail-out.js';
import { parseMailboxUrl, parseSmtpUrl } from './mail-urls.js';
import { MailboxPoller, type MailboxStatus } from './mailbox-poller.js';

/** The e-mail channel of one hub: what --mailbox and --smtp switch on. */
export interface MailChannel {
  readonly out: MailOut | undefined;
  readonly intake: MailIntake | undefined;
  readonly dispatcher: MailDispatcher | undefined;
  readonly pollers: readonly MailboxPoller[];
  /** Starts reading mailboxes and sending (after the servers are up). */
  start(): void;
  status(): { mailboxes: MailboxStatus[]; smtp: boolean };
  close(): Promise<void>;
}

/** The outgoing half first (the ticket desk queues through it), the reading half once the desk exists. */
export function createMailOutgoing(config: HubConfig, newId: () => string): MailOut | undefined {
  return config.smtp === undefined ? undefined : createMailOut({ newId, from: parseSmtpUrl(config.smtp).from });
}

export function createMailChannel(deps: { store: Store; clock: Clock; logger: Logger; config: HubConfig; intake: TicketIntake | undefined; out: MailOut | undefined; leads: () => boolean }): MailChannel {
  const { config, store } = deps;
  const logger = deps.logger.child({ component: 'mail' });
  const boxes = config.mailboxes.map(parseMailboxUrl);
  const smtp = config.smtp === undefined ? undefined : parseSmtpUrl(config.smtp);
  const own = new Set<string>([...boxes.map((b) => b.user.toLowerCase()).filter((u) => u.includes('@')), ...(smtp ? [smtp.from] : [])]);
  const intake =
    deps.intake && boxes.length > 0
      ? createMailIntake({ store, clock: deps.clock, logger, intake: deps.intake, out: deps.out, ownAddresses: own, senderLimit: createAttemptLimiter({ attempts: store.attempts, clock: deps.clock, name: 'mail-sender', maxAttempts: 30, windowMs: 3_600_000 }) })
      : undefined;
  const pollers = intake ? boxes.map((b) => new MailboxPoller(b, { intake, logger, leads: deps.leads, pollMs: config.mailPollSeconds * 1000, maxBytes: config.mailMaxBytes })) : [];
  const dispatcher = smtp ? new MailDispatcher({ store, clock: deps.clock, logger, smtp, leads: deps.leads }) : undefined;
  return {
    out: deps.out,
    intake,
    dispatcher,
    pollers,
    start() {
      for (const p of pollers) p.start();
      dispatcher?.wake();
    },
    status: () => ({ mailboxes: pollers.map((p) => p.status()), smtp: dispatcher !== undefined }),
    async close() {
      await Promise.all(pollers.map((p) => p.close()));
      await dispatcher?.close();
    },
  };
}
