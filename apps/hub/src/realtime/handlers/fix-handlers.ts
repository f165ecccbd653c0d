import { FixStatusSchema } from '@deskside/protocol';
import type { FixService } from '../../services/fixes/fix-service.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** `action:status`: a step of a consented fix, parsed and handed to services/fixes (idempotent on its id). */
export function registerFixHandlers(ctx: AgentContext, socket: AgentSocket, fixes: FixService): void {
  socket.on('action:status', agentCommand(ctx, socket, 'action:status', FixStatusSchema, (write) => fixes.status(write)));
}
