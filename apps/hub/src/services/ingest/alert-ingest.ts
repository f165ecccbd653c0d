import { fail, HUB_CHECKS, ok, type Ack, type AlertClear, type AlertRaise, type AlertWriteAck } from '@deskside/protocol';
import type { Repositories } from '@deskside/store';
import type { Actor, Outcome } from '../alerts/alert-lifecycle.js';
import type { AlertService } from '../alerts/alert-service.js';
import { writeKey, type AgentWrite, type IngestDeps } from './agent-write.js';
import { idempotentWrite } from './idempotent-write.js';
import { payloadHash } from './inventory-hash.js';
import { isSaneInstant } from './sane-instant.js';

const HUB_ONLY: ReadonlySet<string> = new Set(HUB_CHECKS);
type Deps = Pick<IngestDeps, 'store'> & { alerts: AlertService };

/**
 * `alert:raise` / `alert:clear` from an agent: the write and the message record commit together
 * (a retried id answers the first result and changes nothing); the console feed, notifier and
 * automatic ticket follow only a write made now (`afterCommit`).
 */
export const alertIngest = {
  raise: (deps: Deps, write: AgentWrite<AlertRaise>): Promise<Ack<AlertWriteAck>> => {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.observedAt, receivedAt)) return Promise.resolve(fail('invalid_payload', 'alert:raise: observedAt is out of range'));
    if (HUB_ONLY.has(payload.check)) return Promise.resolve(fail('invalid_payload', `alert:raise: ${payload.check} is raised by the hub only`));
    return agentAlertWrite(deps, writeKey('alert:raise', write, payloadHash(payload)), async (tx) =>
      deps.alerts.raiseIn(tx, {
        deviceId, check: payload.check, subject: payload.subject, source: 'agent', severity: payload.severity,
        message: payload.message, value: payload.value, threshold: payload.threshold, actor: await agentActor(tx, deviceId),
      }),
    );
  },

  clear: (deps: Deps, write: AgentWrite<AlertClear>): Promise<Ack<AlertWriteAck>> => {
    const { payload, deviceId, receivedAt } = write;
    if (!isSaneInstant(payload.observedAt, receivedAt)) return Promise.resolve(fail('invalid_payload', 'alert:clear: observedAt is out of range'));
    if (HUB_ONLY.has(payload.check)) return Promise.resolve(fail('invalid_payload', `alert:clear: ${payload.check} is cleared by the hub only`));
    return agentAlertWrite(deps, writeKey('alert:clear', write, payloadHash(payload)), async (tx) =>
      deps.alerts.clearIn(tx, { deviceId, check: payload.check, subject: payload.subject, actor: await agentActor(tx, deviceId) }),
    );
  },
};

async function agentAlertWrite(deps: Deps, key: Parameters<typeof idempotentWrite>[1], write: (tx: Repositories) => Promise<Outcome>): Promise<Ack<AlertWriteAck>> {
  let outcome: Outcome | undefined;
  const { ack, replayed } = await idempotentWrite<AlertWriteAck>(deps.store, key, async (tx) => {
    outcome = await write(tx);
    return ok({ alertId: outcome.alertId, state: outcome.state });
  });
  if (ack.ok && !replayed && outcome) deps.alerts.afterCommit(outcome, key.deviceId);
  return ack;
}

async function agentActor(tx: Repositories, deviceId: string): Promise<Actor> {
  return { type: 'agent', id: deviceId, name: ((await tx.devices.findById(deviceId))?.hostname ?? 'agent').slice(0, 128) };
}
