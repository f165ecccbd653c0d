import type { AgentPolicy } from '@deskside/protocol';
import type { HubConfig } from '../../config.js';

/** The legacy whole-document cadence, kept for agents that predate per-group intervals. */
export const INVENTORY_SECONDS = 3600;

/**
 * The cadence part of the policy the hub pushes (at enrolment and on every connect): heartbeat and
 * inventory intervals by section group from the hub's config. Health thresholds are added by alerting.
 */
export function cadencePolicy(config: Pick<HubConfig, 'heartbeatSeconds'> & Partial<Pick<HubConfig, 'inventoryIntervals'>>): AgentPolicy {
  return {
    heartbeatSeconds: config.heartbeatSeconds,
    inventorySeconds: INVENTORY_SECONDS,
    ...(config.inventoryIntervals ? { inventoryIntervals: { ...config.inventoryIntervals } } : {}),
  };
}
