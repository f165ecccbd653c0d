import type { AgentWrite, IngestDeps } from './agent-write.js';
import { alertIngest } from './alert-ingest.js';
import { ingestHeartbeat } from './heartbeat-ingest.js';
import { inventoryIngest } from './inventory-ingest.js';
import { ingestPresence } from './presence-ingest.js';
import { kbIngest, ticketIngest } from './ticket-ingest.js';

type Payload<F> = F extends (deps: never, write: AgentWrite<infer P>) => unknown ? P : never;
type Bound<F> = F extends (deps: never, write: AgentWrite<infer P>) => infer R ? (write: AgentWrite<P>) => R : never;

/**
 * Every agent write, one use case per command (the socket handlers only parse, call and answer).
 * Each owns its transaction, its idempotency (message id + payload hash) and its after-commit work.
 * A command whose service the hub lacks (no alerting, no ticket desk) is absent.
 */
export interface AgentIngest {
  heartbeat: Bound<typeof ingestHeartbeat>;
  presence: Bound<typeof ingestPresence>;
  inventory: { offer: Bound<typeof inventoryIngest.offer>; full: Bound<typeof inventoryIngest.full>; delta: Bound<typeof inventoryIngest.delta> };
  alerts?: { raise: Bound<typeof alertIngest.raise>; clear: Bound<typeof alertIngest.clear> };
  tickets?: {
    create: Bound<typeof ticketIngest.create>;
    reply: Bound<typeof ticketIngest.reply>;
    confirm: Bound<typeof ticketIngest.confirm>;
    rate: Bound<typeof ticketIngest.rate>;
  };
  kb?: { deflect: (write: AgentWrite<Payload<typeof kbIngest.deflect>>) => ReturnType<typeof kbIngest.deflect>; feedback: (write: AgentWrite<Payload<typeof kbIngest.feedback>>) => ReturnType<typeof kbIngest.feedback> };
}

export function createAgentIngest(deps: IngestDeps): AgentIngest {
  const { alerts, tickets, kb } = deps;
  return {
    heartbeat: (w) => ingestHeartbeat(deps, w),
    presence: (w) => ingestPresence(deps, w),
    inventory: { offer: (w) => inventoryIngest.offer(deps, w), full: (w) => inventoryIngest.full(deps, w), delta: (w) => inventoryIngest.delta(deps, w) },
    ...(alerts ? { alerts: { raise: (w) => alertIngest.raise({ ...deps, alerts }, w), clear: (w) => alertIngest.clear({ ...deps, alerts }, w) } } : {}),
    ...(tickets
      ? {
          tickets: {
            create: (w) => ticketIngest.create({ ...deps, tickets }, w),
            reply: (w) => ticketIngest.reply({ ...deps, tickets }, w),
            confirm: (w) => ticketIngest.confirm({ ...deps, tickets }, w),
            rate: (w) => ticketIngest.rate({ ...deps, tickets }, w),
          },
        }
      : {}),
    ...(kb ? { kb: { deflect: (w) => kbIngest.deflect({ ...deps, kb }, w), feedback: (w) => kbIngest.feedback({ ...deps, kb }, w) } } : {}),
  };
}
