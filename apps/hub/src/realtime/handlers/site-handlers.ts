import { AgentSiteAppearanceRequestSchema, ok } from '@deskside/protocol';
import type { SiteAppearanceService } from '../../services/sites/site-appearance.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/**
 * `site:appearance`, a read: the branding and default language of the socket's own site (never a
 * site named in the payload), or nothing when the agent's copy is current.
 */
export function registerSiteHandlers(ctx: AgentContext, socket: AgentSocket, appearance: SiteAppearanceService): void {
  socket.on(
    'site:appearance',
    agentCommand(ctx, socket, 'site:appearance', AgentSiteAppearanceRequestSchema, async ({ payload }) => ok(await appearance.forAgent(socket.data.siteId, payload.since))),
  );
}
