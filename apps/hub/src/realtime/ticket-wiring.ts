import type { Logger } from '../log/logger.js';
import type { DomainEvents } from '../services/events/domain-events.js';
import type { TicketService } from '../services/tickets/ticket-service.js';
import { deviceRoom, type AgentNamespace, type ConsoleNamespace } from './context.js';
import { TicketFeed } from './ticket-feed.js';

export interface TicketWiringDeps {
  service: TicketService;
  /** Where the ticket service announces its changes. */
  events: DomainEvents;
  agents: AgentNamespace;
  consoles: ConsoleNamespace;
  logger: Logger;
  /** Console feed flush cadence (default 250 ms; 0: by hand). */
  feedFlushMs?: number;
  /** Auto-close and SLA watch cadence (default 60 s; 0: by hand). */
  jobsMs?: number;
  /** Whether this hub leads the cluster's ticket jobs now (absent: always). */
  leads?: () => boolean;
}

export interface TicketWiring {
  feed: TicketFeed;
  /** Runs the periodic jobs once and flushes the feed (tests, shutdown). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The live side of the ticket desk: changes go to watching consoles (coalesced) and employee-
 * visible changes to the device's sockets as `ticket:updated` (room `device:<id>`, which every
 * agent socket joins; through the adapter this reaches other hub processes too).
 */
export function wireTickets(deps: TicketWiringDeps): TicketWiring {
  const feed = new TicketFeed({ nsp: deps.consoles, service: deps.service, logger: deps.logger });
  const unsubscribe = [
    deps.events.on('ticketsChanged', (ids) => feed.markChanged(ids)),
    deps.events.on('employeeTicketChanged', (deviceId, ticket) => deps.agents.to(deviceRoom(deviceId)).emit('ticket:updated', ticket)),
  ];
  let running: Promise<unknown> = Promise.resolve();
  const jobs = (): Promise<unknown> =>
    (running = running.then(() => (deps.leads && !deps.leads() ? undefined : deps.service.jobs.tick())).catch((err: unknown) => deps.logger.warn('ticket jobs failed', { err: String(err) })));
  const timers = [
    every(deps.feedFlushMs ?? 250, () => void feed.flush()),
    every(deps.jobsMs ?? 60_000, () => void jobs()),
  ];
  return {
    feed,
    async settle() {
      await jobs();
      await feed.flush();
    },
    async close() {
      for (const t of timers) if (t) clearInterval(t);
      for (const off of unsubscribe) off();
      await running;
    },
  };
}

function every(ms: number, fn: () => void): NodeJS.Timeout | undefined {
  if (ms <= 0) return undefined;
  const t = setInterval(fn, ms);
  t.unref();
  return t;
}
