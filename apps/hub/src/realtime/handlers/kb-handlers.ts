import { AgentKbDeflectSchema, AgentKbFeedbackSchema, AgentKbSearchSchema, AgentKbSyncSchema, ok } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { KbService } from '../../services/kb/create-kb.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/**
 * The tray's knowledge base: `kb:search` and `kb:sync` are reads for the socket's device (its site
 * decides what it sees); `kb:deflect` ("This solved it") and `kb:feedback` are writes, idempotent
 * on their client-generated ids like every agent write.
 */
export function registerKbHandlers(ctx: AgentContext, socket: AgentSocket, kb: KbService, writes: NonNullable<AgentIngest['kb']>): void {
  socket.on(
    'kb:search',
    agentCommand(ctx, socket, 'kb:search', AgentKbSearchSchema, async ({ payload, deviceId }) => ok(await kb.tray.search(deviceId, payload.q, payload.limit, payload.log))),
  );
  socket.on(
    'kb:sync',
    agentCommand(ctx, socket, 'kb:sync', AgentKbSyncSchema, async ({ payload, deviceId }) => ok(await kb.tray.sync(deviceId, payload.since, payload.known))),
  );
  socket.on('kb:deflect', agentCommand(ctx, socket, 'kb:deflect', AgentKbDeflectSchema, (write) => writes.deflect(write)));
  socket.on('kb:feedback', agentCommand(ctx, socket, 'kb:feedback', AgentKbFeedbackSchema, (write) => writes.feedback(write)));
}
