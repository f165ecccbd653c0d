import { AgentReleaseCheckSchema, ok } from '@deskside/protocol';
import type { ReleaseService } from '../../services/agent-releases/release-service.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** `release:check`: which agent release this device should run (its site and groups decide), a read. */
export function registerReleaseHandlers(ctx: AgentContext, socket: AgentSocket, releases: ReleaseService): void {
  socket.on(
    'release:check',
    agentCommand(ctx, socket, 'release:check', AgentReleaseCheckSchema, async ({ payload, deviceId }) => ok(await releases.check({ id: deviceId, siteId: socket.data.siteId }, payload))),
  );
}
