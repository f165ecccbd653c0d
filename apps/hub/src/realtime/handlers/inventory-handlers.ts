import { InventoryDeltaSchema, InventoryFullSchema, InventoryOfferSchema } from '@deskside/protocol';
import type { AgentIngest } from '../../services/ingest/agent-ingest.js';
import type { AgentContext, AgentSocket } from '../context.js';
import { agentCommand } from '../handler-kit.js';

/** The inventory exchange (offer, full, delta): parse, call services/ingest/inventory-ingest, answer. */
export function registerInventoryHandlers(ctx: AgentContext, socket: AgentSocket, ingest: AgentIngest): void {
  socket.on('inventory:offer', agentCommand(ctx, socket, 'inventory:offer', InventoryOfferSchema, (write) => ingest.inventory.offer(write)));
  socket.on('inventory:full', agentCommand(ctx, socket, 'inventory:full', InventoryFullSchema, (write) => ingest.inventory.full(write)));
  socket.on('inventory:delta', agentCommand(ctx, socket, 'inventory:delta', InventoryDeltaSchema, (write) => ingest.inventory.delta(write)));
}
