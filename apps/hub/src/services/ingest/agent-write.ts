import type { Store } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { HubChecks } from '../alerts/hub-checks.js';
import type { DomainEvents } from '../events/domain-events.js';
import type { KbService } from '../kb/create-kb.js';
import type { PresenceTracker } from '../presence/presence-tracker.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { HeartbeatBatcher } from './heartbeat-batch.js';

/** One parsed agent command: the device is always the socket's, never the payload's. */
export interface AgentWrite<P> {
  payload: P;
  deviceId: string;
  receivedAt: Date;
}

/** What the agent-write use cases work with (built once by the composition root). */
export interface IngestDeps {
  store: Store;
  logger: Logger;
  events: DomainEvents;
  presence: PresenceTracker;
  heartbeats: HeartbeatBatcher;
  alerts: AlertService | undefined;
  hubChecks: HubChecks | undefined;
  tickets: TicketService | undefined;
  kb: KbService | undefined;
}

/** The idempotency key of an agent write: its message id, kind (event) and payload hash. */
export function writeKey(kind: string, write: AgentWrite<{ id: string }>, payloadHash: string) {
  return { deviceId: write.deviceId, messageId: write.payload.id, kind, payloadHash, at: write.receivedAt };
}
