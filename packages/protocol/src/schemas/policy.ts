import { z } from 'zod';
import { InventoryIntervalsSchema } from './inventory-cadence.js';
import { HealthPolicySchema } from './alert.js';

/**
 * What the hub tells an agent about cadence. Pushed at enrolment and on every connect, so a fleet's
 * intervals are changed on the hub, never on each PC. Bounded so a hub bug cannot make agents spin.
 */
export const AgentPolicySchema = z.object({
  heartbeatSeconds: z.number().int().min(1).max(3600),
  inventorySeconds: z.number().int().min(60).max(7 * 24 * 3600),
  /** Per-section-group inventory cadence; absent means DEFAULT_INVENTORY_INTERVALS. */
  inventoryIntervals: InventoryIntervalsSchema.optional(),
  /** Health-check thresholds; absent means the agent's built-in defaults (DEFAULT_HEALTH_POLICY). */
  health: HealthPolicySchema.optional(),
});
export type AgentPolicy = z.infer<typeof AgentPolicySchema>;

export const DEFAULT_AGENT_POLICY: AgentPolicy = { heartbeatSeconds: 30, inventorySeconds: 3600 };
