import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { DEFAULT_HUB_HEALTH_POLICY, mergePolicy, readStoredOverride, readStoredPolicy, type HubHealthPolicy } from './health-policy.js';

/** Device groups as the policy needs them (the group service implements it). */
export interface GroupMembership {
  groupsOfDevice(deviceId: string): Promise<string[]>;
}

export interface PolicyServiceDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Absent: global policy only. */
  groups?: GroupMembership;
}

const GLOBAL = 'global';
const groupScope = (groupId: string) => `group:${groupId}`;

/**
 * Health policies: one global policy, optionally overridden per device group. Kept in memory
 * (read once at start, written through), so resolving a device's policy costs a group lookup only
 * when some group overrides something.
 */
export class PolicyService {
  private globalPolicy: HubHealthPolicy = DEFAULT_HUB_HEALTH_POLICY;
  private globalMeta: { updatedAt: Date | null; updatedBy: string | null } = { updatedAt: null, updatedBy: null };
  private readonly overrides = new Map<string, Partial<HubHealthPolicy>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: PolicyServiceDeps) {}

  async load(): Promise<void> {
    for (const record of await this.deps.store.healthPolicies.list()) {
      if (record.scope === GLOBAL) {
        this.globalPolicy = readStoredPolicy(record.policy);
        this.globalMeta = { updatedAt: record.updatedAt, updatedBy: record.updatedBy };
      } else if (record.scope.startsWith('group:')) {
        this.overrides.set(record.scope.slice('group:'.length), readStoredOverride(record.policy));
      }
    }
  }

  get hasGroups(): boolean {
    return this.deps.groups !== undefined;
  }

  global(): { policy: HubHealthPolicy; updatedAt: Date | null; updatedBy: string | null } {
    return { policy: this.globalPolicy, ...this.globalMeta };
  }

  groupOverride(groupId: string): Partial<HubHealthPolicy> | undefined {
    return this.overrides.get(groupId);
  }

  async setGlobal(policy: HubHealthPolicy, actorName: string): Promise<HubHealthPolicy> {
    const updatedAt = this.deps.clock();
    await this.deps.store.healthPolicies.put({ scope: GLOBAL, policy, updatedAt, updatedBy: actorName });
    this.globalPolicy = policy;
    this.globalMeta = { updatedAt, updatedBy: actorName };
    this.changed();
    return policy;
  }

  /** `null` removes the group's overrides. */
  async setGroupOverride(groupId: string, override: Partial<HubHealthPolicy> | null, actorName: string): Promise<void> {
    if (override === null) {
      await this.deps.store.healthPolicies.remove(groupScope(groupId));
      this.overrides.delete(groupId);
    } else {
      await this.deps.store.healthPolicies.put({ scope: groupScope(groupId), policy: override, updatedAt: this.deps.clock(), updatedBy: actorName });
      this.overrides.set(groupId, override);
    }
    this.changed();
  }

  /** The policy that applies to a device: global, then its groups' overrides (ordered by group id). */
  async forDevice(deviceId: string): Promise<HubHealthPolicy> {
    if (this.overrides.size === 0 || !this.deps.groups) return this.globalPolicy;
    try {
      const groups = (await this.deps.groups.groupsOfDevice(deviceId)).filter((g) => this.overrides.has(g)).sort();
      return mergePolicy(this.globalPolicy, groups.map((g) => this.overrides.get(g) ?? {}));
    } catch (err) {
      this.deps.logger.warn('group lookup failed; using the global health policy', { deviceId, err: String(err) });
      return this.globalPolicy;
    }
  }

  /** Whether every device gets the global policy (no group overrides anything). */
  get uniform(): boolean {
    return this.overrides.size === 0 || !this.deps.groups;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.deps.logger.warn('policy listener failed', { err: String(err) });
      }
    }
  }
}
