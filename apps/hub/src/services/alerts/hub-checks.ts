import type { DeviceStatus } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { Actor } from './alert-lifecycle.js';
import type { AlertService } from './alert-service.js';
import type { PolicyService } from './policy-service.js';

/** Live presence as the checks read it (the presence tracker). */
export interface PresenceView {
  status(deviceId: string): DeviceStatus | undefined;
  lastSeen(deviceId: string): Date | null | undefined;
}

/** One semantic inventory change, as the inventory history computes them. */
export interface InventoryChangeNotice {
  section: string;
  kind: string;
  summary: string;
}

export interface HubChecksDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  alerts: AlertService;
  policies: PolicyService;
  presence: PresenceView;
}

const HUB: Actor = { type: 'hub', id: null, name: 'hub' };
const OFFLINE_STATES: ReadonlySet<DeviceStatus> = new Set(['unreachable', 'overdue']);

/**
 * The checks the hub raises itself: `device-offline` (unreachable longer than the policy allows;
 * coming back clears it), `duplicate-identity` (two live devices with one machine id, raised on
 * both, cleared when only one is left live) and `inventory-change` (a watched section changed;
 * a technician resolves it). Fed by presence status changes, a periodic `tick`, and inventory changes.
 */
export class HubChecks {
  /** Devices silent since this instant (not yet back). */
  private readonly silentSince = new Map<string, Date>();
  private readonly offlineRaised = new Set<string>();
  private readonly duplicateRaised = new Set<string>();
  private readonly machineIds = new Map<string, string>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: HubChecksDeps) {}

  /** Picks up where a previous hub left off: open hub alerts, devices already silent. */
  async seed(deviceIds: readonly string[]): Promise<void> {
    for (const a of await this.deps.store.alerts.list({ states: ['open', 'acknowledged', 'snoozed'], limit: 5000 })) {
      if (a.check === 'device-offline') this.offlineRaised.add(a.deviceId);
      if (a.check === 'duplicate-identity') this.duplicateRaised.add(a.deviceId);
    }
    const now = this.deps.clock();
    for (const id of deviceIds) {
      const status = this.deps.presence.status(id);
      if (status && OFFLINE_STATES.has(status)) this.silentSince.set(id, this.deps.presence.lastSeen(id) ?? now);
    }
  }

  /** Presence listener: called on every status change (serialised, never blocks presence). */
  onStatusChange(deviceId: string, status: DeviceStatus): void {
    this.serial(() => this.statusChanged(deviceId, status));
  }

  /**
   * A device whose hub died without it reconnecting anywhere (the cluster's presence-orphan
   * sweep): silent since its last recorded sighting, so `device-offline` comes when it would
   * have after a disconnect its own hub saw.
   */
  orphaned(deviceId: string, lastSeenAt: Date): void {
    void this.serial(() => {
      if (!this.silentSince.has(deviceId)) this.silentSince.set(deviceId, lastSeenAt);
      return Promise.resolve();
    });
  }

  /** Raises `device-offline` for devices silent longer than their policy allows. */
  tick(): Promise<void> {
    return this.serial(async () => {
      const now = this.deps.clock();
      for (const [deviceId, since] of this.silentSince) {
        if (this.offlineRaised.has(deviceId)) continue;
        const policy = await this.deps.policies.forDevice(deviceId);
        if (policy.disabledChecks.includes('device-offline')) continue;
        const silentMs = now.getTime() - since.getTime();
        if (silentMs < policy.offlineMinutes * 60_000) continue;
        this.offlineRaised.add(deviceId);
        await this.deps.alerts.raise({
          deviceId, check: 'device-offline', subject: '', source: 'hub', severity: 'warning',
          message: `Unreachable since ${since.toISOString()} (no heartbeat for ${Math.round(silentMs / 60_000)} min)`,
          value: Math.round(silentMs / 60_000), threshold: policy.offlineMinutes, actor: HUB,
        });
      }
    });
  }

  /**
   * Inventory history hook: call with the semantic changes of one stored inventory. Changes in a
   * section the device's policy watches raise (or update) `inventory-change` for that section.
   */
  onInventoryChanges(deviceId: string, changes: readonly InventoryChangeNotice[]): Promise<void> {
    return this.serial(async () => {
      if (changes.length === 0) return;
      const policy = await this.deps.policies.forDevice(deviceId);
      if (policy.disabledChecks.includes('inventory-change')) return;
      const bySection = new Map<string, InventoryChangeNotice[]>();
      for (const c of changes) {
        if (!(policy.watchedSections as readonly string[]).includes(c.section)) continue;
        bySection.set(c.section, [...(bySection.get(c.section) ?? []), c]);
      }
      for (const [section, list] of bySection) {
        const worrying = list.some((c) => c.kind === 'removed' || c.kind === 'downgraded');
        const shown = list.slice(0, 3).map((c) => c.summary.slice(0, 300)).join('; ');
        await this.deps.alerts.raise({
          deviceId, check: 'inventory-change', subject: section.slice(0, 64), source: 'hub', severity: worrying ? 'warning' : 'info',
          message: `${section} changed: ${shown}${list.length > 3 ? ` (and ${list.length - 3} more)` : ''}`.slice(0, 1024),
          value: null, threshold: null, actor: HUB,
        });
      }
    });
  }

  /** Waits for the checks queued so far (tests, shutdown). */
  settle(): Promise<void> {
    return this.serial(() => Promise.resolve());
  }

  private async statusChanged(deviceId: string, status: DeviceStatus): Promise<void> {
    if (OFFLINE_STATES.has(status)) {
      if (!this.silentSince.has(deviceId)) this.silentSince.set(deviceId, this.deps.presence.lastSeen(deviceId) ?? this.deps.clock());
    } else {
      this.silentSince.delete(deviceId);
    }
    if (status === 'online' && (this.offlineRaised.delete(deviceId) || (await this.raisedElsewhere(deviceId)))) {
      await this.deps.alerts.clear({ deviceId, check: 'device-offline', subject: '', actor: HUB });
    }
    if (status === 'online' || this.duplicateRaised.has(deviceId)) await this.checkDuplicates(deviceId);
  }

  /**
   * In a cluster another hub may have raised `device-offline` (the device was silent there, or
   * orphaned by a dead hub) and the device is now back here: one indexed read tells, so a
   * reconnect storm costs reads, not write transactions. One hub (SQLite) knows its own alerts.
   */
  private async raisedElsewhere(deviceId: string): Promise<boolean> {
    if (this.deps.store.dialect !== 'postgres') return false;
    const latest = await this.deps.store.alerts.latestByKey(deviceId, 'device-offline', '');
    return latest !== undefined && latest !== null && latest.state !== 'resolved' && latest.clearedAt === null;
  }

  private async checkDuplicates(deviceId: string): Promise<void> {
    let machineId = this.machineIds.get(deviceId);
    if (machineId === undefined) {
      machineId = (await this.deps.store.devices.findById(deviceId))?.machineId;
      if (machineId === undefined) return;
      this.machineIds.set(deviceId, machineId);
    }
    const sharing = await this.deps.store.deviceHealth.withMachineId(machineId);
    if (sharing.length < 2 && !this.duplicateRaised.has(deviceId)) return;
    const live = sharing.filter((d) => this.deps.presence.status(d.id) === 'online');
    const subject = machineId.slice(0, 256);
    if (live.length >= 2) {
      for (const d of live) {
        const others = live.filter((o) => o.id !== d.id).map((o) => o.hostname);
        this.duplicateRaised.add(d.id);
        await this.deps.alerts.raise({
          deviceId: d.id, check: 'duplicate-identity', subject, source: 'hub', severity: 'warning',
          message: `Same machine id as ${others.join(', ').slice(0, 600)}, online at the same time (cloned image?)`,
          value: live.length, threshold: 1, actor: HUB,
        });
      }
    }
    const liveIds = new Set(live.length >= 2 ? live.map((d) => d.id) : []);
    for (const d of sharing) {
      if (liveIds.has(d.id) || !this.duplicateRaised.delete(d.id)) continue;
      await this.deps.alerts.clear({ deviceId: d.id, check: 'duplicate-identity', subject, actor: HUB });
    }
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.chain.then(op, op);
    this.chain = run.catch((err: unknown) => this.deps.logger.warn('hub health check failed', { err: String(err) }));
    return run;
  }
}
