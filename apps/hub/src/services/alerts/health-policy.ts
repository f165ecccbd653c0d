import {
  DEFAULT_HEALTH_POLICY,
  HealthPolicySchema,
  InventoryDeltaSchema,
  type HealthPolicy,
  type InventorySectionName,
} from '@deskside/protocol';
import type { ParseSchema } from '../validation.js';

/**
 * The hub's health policy: what agents evaluate (HealthPolicy, pushed in `policy:update`) plus
 * what only the hub uses. The extra fields reuse protocol field schemas, so their bounds are the
 * protocol's (the protocol has no schema for them yet: see the alerts report).
 */
export interface HubHealthPolicy extends HealthPolicy {
  /** Minutes a device must be unreachable before `device-offline` is raised (1–1440). */
  offlineMinutes: number;
  /** Checks whose critical alerts open a ticket automatically. */
  autoTicketChecks: string[];
  /** Inventory sections whose changes raise `inventory-change`. */
  watchedSections: InventorySectionName[];
}

export const DEFAULT_HUB_HEALTH_POLICY: HubHealthPolicy = {
  ...DEFAULT_HEALTH_POLICY,
  offlineMinutes: 15,
  autoTicketChecks: [],
  watchedSections: ['cpu', 'memory', 'disks'],
};

const extras = {
  offlineMinutes: HealthPolicySchema.shape.sustainMinutes,
  autoTicketChecks: HealthPolicySchema.shape.disabledChecks,
  watchedSections: InventoryDeltaSchema.shape.remove,
};

/** `PUT /api/v1/policies/health`: a whole agent policy; the hub-only fields default when absent. */
export const GlobalPolicyBodySchema = HealthPolicySchema.extend({
  offlineMinutes: extras.offlineMinutes.optional(),
  autoTicketChecks: extras.autoTicketChecks.optional(),
  watchedSections: extras.watchedSections.optional(),
}).strict() as unknown as ParseSchema<Partial<HubHealthPolicy> & HealthPolicy>;

/** `PUT /api/v1/groups/:id/health-policy`: the fields this group overrides. */
export const GroupOverrideSchema = HealthPolicySchema.extend(extras).partial().strict() as unknown as ParseSchema<Partial<HubHealthPolicy>>;

/** A stored policy read back; anything unreadable falls back to the defaults rather than failing. */
export function readStoredPolicy(value: unknown): HubHealthPolicy {
  const parsed = GlobalPolicyBodySchema.safeParse(value);
  return parsed.success ? { ...DEFAULT_HUB_HEALTH_POLICY, ...parsed.data } : DEFAULT_HUB_HEALTH_POLICY;
}

export function readStoredOverride(value: unknown): Partial<HubHealthPolicy> {
  const parsed = GroupOverrideSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** Global, then each group's overrides in order (a later group wins a field both set). */
export function mergePolicy(global: HubHealthPolicy, overrides: ReadonlyArray<Partial<HubHealthPolicy>>): HubHealthPolicy {
  let out = global;
  for (const o of overrides) out = { ...out, ...o };
  return out;
}

/** The part agents evaluate (what `policy:update` carries in `health`). */
export function agentPart(p: HubHealthPolicy): HealthPolicy {
  const { offlineMinutes: _o, autoTicketChecks: _a, watchedSections: _w, ...agent } = p;
  return agent;
}
