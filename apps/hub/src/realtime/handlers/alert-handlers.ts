import { AlertClearSchema, AlertRaiseSchema, fail, HUB_CHECKS, ok, type AlertWriteAck } from '@deskside/protocol';
import { payloadHash } from '../../services/ingest/inventory-hash.js';
import type { Actor, Outcome } from '../../services/alerts/alert-lifecycle.js';
import type { AlertService } from '../../services/alerts/alert-service.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand, isSaneInstant } from '../handler-kit.js';
import { idempotentWrite } from '../../services/ingest/idempotent-write.js';

const HUB_ONLY: ReadonlySet<string> = new Set(HUB_CHECKS);

/**
 * `alert:raise` / `alert:clear`: the device is the socket's, never the payload's; the write and
 * the message record commit together (a retried id answers the first result and changes nothing);
 * the console feed, notifier and automatic ticket follow only a write made now.
 */
export function registerAlertHandlers(ctx: AgentContext, socket: AgentSocket, alerts: AlertService): void {
  socket.on(
    'alert:raise',
    agentCommand(ctx, socket, 'alert:raise', AlertRaiseSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.observedAt, receivedAt)) return fail('invalid_payload', 'alert:raise: observedAt is out of range');
      if (HUB_ONLY.has(payload.check)) return fail('invalid_payload', `alert:raise: ${payload.check} is raised by the hub only`);
      let outcome: Outcome | undefined;
      const key = { deviceId, messageId: payload.id, kind: 'alert:raise', payloadHash: payloadHash(payload), at: receivedAt };
      const { ack, replayed } = await idempotentWrite<AlertWriteAck>(ctx.store, key, async (tx) => {
        const actor = await agentActor(tx.devices.findById(deviceId), deviceId);
        outcome = await alerts.raiseIn(tx, {
          deviceId, check: payload.check, subject: payload.subject, source: 'agent', severity: payload.severity,
          message: payload.message, value: payload.value, threshold: payload.threshold, actor,
        });
        return ok({ alertId: outcome.alertId, state: outcome.state });
      });
      if (ack.ok && !replayed && outcome) alerts.afterCommit(outcome, deviceId);
      return ack;
    }),
  );

  socket.on(
    'alert:clear',
    agentCommand(ctx, socket, 'alert:clear', AlertClearSchema, async ({ payload, deviceId, receivedAt }) => {
      if (!isSaneInstant(payload.observedAt, receivedAt)) return fail('invalid_payload', 'alert:clear: observedAt is out of range');
      if (HUB_ONLY.has(payload.check)) return fail('invalid_payload', `alert:clear: ${payload.check} is cleared by the hub only`);
      let outcome: Outcome | undefined;
      const key = { deviceId, messageId: payload.id, kind: 'alert:clear', payloadHash: payloadHash(payload), at: receivedAt };
      const { ack, replayed } = await idempotentWrite<AlertWriteAck>(ctx.store, key, async (tx) => {
        const actor = await agentActor(tx.devices.findById(deviceId), deviceId);
        outcome = await alerts.clearIn(tx, { deviceId, check: payload.check, subject: payload.subject, actor });
        return ok({ alertId: outcome.alertId, state: outcome.state });
      });
      if (ack.ok && !replayed && outcome) alerts.afterCommit(outcome, deviceId);
      return ack;
    }),
  );
}

async function agentActor(device: Promise<{ hostname: string } | undefined>, deviceId: string): Promise<Actor> {
  return { type: 'agent', id: deviceId, name: ((await device)?.hostname ?? 'agent').slice(0, 128) };
}
