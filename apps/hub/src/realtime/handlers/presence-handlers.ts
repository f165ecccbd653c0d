import { PresenceNoticeSchema } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** `device:presence` (asleep, shutting down, back): parse, call services/ingest, answer. */
export function registerPresenceHandlers(ctx: AgentContext, socket: AgentSocket, ingest: AgentIngest): void {
  socket.on('device:presence', agentCommand(ctx, socket, 'device:presence', PresenceNoticeSchema, (write) => ingest.presence(write)));
}
