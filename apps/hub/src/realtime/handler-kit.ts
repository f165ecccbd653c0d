import { performance } from 'node:perf_hooks';
import { fail, jsonDepth, LIMITS, type Ack } from '@deskside/protocol';
import type { z } from 'zod';
import type { AgentContext, AgentSocket } from './context.js';

export { isSaneInstant } from '../services/ingest/sane-instant.js';

/** A parsed command, with the device it came from (always the socket's, never the payload's). */
export interface Command<P> {
  payload: P;
  deviceId: string;
  receivedAt: Date;
}

/**
 * Wraps an agent command handler with what every one of them needs: drop calls without an ack
 * callback (a hostile client may omit it), refuse nesting deeper than LIMITS.jsonDepth before the
 * schema walks it, parse the payload (`invalid_payload`, nothing written),
 * turn a thrown error into `internal` (never crash the process), and time the ack.
 */
export function agentCommand<S extends z.ZodType, T>(
  ctx: AgentContext,
  socket: AgentSocket,
  event: string,
  schema: S,
  run: (cmd: Command<z.infer<S>>) => Promise<Ack<T>>,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    if (typeof ack !== 'function') {
      ctx.metrics.rejectedPayloads.inc({ event, reason: 'no_ack' });
      return;
    }
    const reply = ack as (a: Ack<T>) => void;
    const started = performance.now();
    // Checked before zod: a schema walks what it is given, and a deep value is work an attacker chose.
    if (jsonDepth(payload, LIMITS.jsonDepth) > LIMITS.jsonDepth) {
      ctx.metrics.rejectedPayloads.inc({ event, reason: 'depth' });
      reply(fail('invalid_payload', `${event}: nested deeper than ${LIMITS.jsonDepth} levels`));
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      ctx.metrics.rejectedPayloads.inc({ event, reason: 'schema' });
      reply(fail('invalid_payload', `${event}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`));
      return;
    }
    const cmd = { payload: parsed.data, deviceId: socket.data.deviceId, receivedAt: ctx.clock() };
    run(cmd)
      .catch((err: unknown) => {
        ctx.logger.error('agent command failed', { event, deviceId: cmd.deviceId, err: String(err) });
        return fail('internal', 'the hub could not process this message; retry later');
      })
      .then((result) => {
        if (!result.ok && result.error.code === 'invalid_payload') ctx.metrics.rejectedPayloads.inc({ event, reason: 'content' });
        reply(result);
        ctx.metrics.observeAck(performance.now() - started, event);
      })
      .catch(() => undefined);
  };
}
