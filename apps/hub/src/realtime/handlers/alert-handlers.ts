import { AlertClearSchema, AlertRaiseSchema } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** `alert:raise` / `alert:clear`: parse, call services/ingest/alert-ingest, answer. */
export function registerAlertHandlers(ctx: AgentContext, socket: AgentSocket, alerts: NonNullable<AgentIngest['alerts']>): void {
  socket.on('alert:raise', agentCommand(ctx, socket, 'alert:raise', AlertRaiseSchema, (write) => alerts.raise(write)));
  socket.on('alert:clear', agentCommand(ctx, socket, 'alert:clear', AlertClearSchema, (write) => alerts.clear(write)));
}
