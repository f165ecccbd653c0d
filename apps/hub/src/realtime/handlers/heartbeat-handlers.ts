import { HeartbeatSchema } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** `device:heartbeat`: parse, hand to the heartbeat use case (services/ingest), answer; count the acks. */
export function registerHeartbeatHandlers(ctx: AgentContext, socket: AgentSocket, ingest: AgentIngest): void {
  socket.on(
    'device:heartbeat',
    agentCommand(ctx, socket, 'device:heartbeat', HeartbeatSchema, async (write) => {
      const result = await ingest.heartbeat(write);
      if (result.ok) ctx.metrics.heartbeatsAcked.inc();
      return result;
    }),
  );
}
