import { DEFAULT_HEALTH_POLICY, type AlertSeverity, type HealthPolicy, type InventoryDocument, type MetricsSample } from '@deskside/protocol';
import type { Outbox } from '../outbox/outbox.js';
import type { Logger } from '../util/logger.js';
import { HealthEvaluator, type Transition } from './evaluator.js';
import type { HealthState } from './health-state-file.js';
import type { VolumeUsage } from './types.js';

/** An open alert as the ticket diagnostics list it. */
export interface OpenHealthAlert {
  check: string;
  subject: string;
  severity: AlertSeverity;
  message: string;
}

/** Outbox kinds of alert writes (sent by the outbox drainer). */
export const ALERT_KINDS = { raise: 'alert:raise', clear: 'alert:clear' } as const;

export interface HealthMonitorDeps {
  outbox: Outbox;
  /** Message ids (ULIDs): each alert write carries one, so a resend is a no-op on the hub. */
  newId: () => string;
  now: () => number;
  logger: Logger;
  /** Per-volume use with each heartbeat; absent: the latest inventory's volumes. */
  sampleVolumes?: () => Promise<VolumeUsage[] | null>;
  /** Where raised keys survive a restart; absent: memory only. */
  stateFile?: { load(): Promise<HealthState>; save(state: HealthState): Promise<void> };
}

/**
 * The agent's health checks: evaluates every heartbeat sample (with the latest inventory) against
 * the hub's health policy and queues `alert:raise` / `alert:clear` in the durable outbox as
 * high-value items, so an alert is never dropped and, with its message id, never stored twice.
 */
export class HealthMonitor {
  private policy: HealthPolicy = DEFAULT_HEALTH_POLICY;
  private inventory: InventoryDocument | null = null;
  private evaluator = new HealthEvaluator();
  private rebootPendingSince: number | null = null;
  private loaded: Promise<void> | null = null;
  private savedRebootSince: number | null = null;
  /** Alerts raised and not cleared in this run, with their message (for the ticket diagnostics). */
  private readonly open = new Map<string, OpenHealthAlert>();

  constructor(private readonly deps: HealthMonitorDeps) {}

  /** Alerts raised in this run and still open (a key raised before a restart has no message yet). */
  openAlerts(): OpenHealthAlert[] {
    return [...this.open.values()];
  }

  /**
   * Queues an alert the agent raises about itself (the watchdog: `agent-watchdog`), outside the
   * evaluated checks. Resolves once it is in the durable outbox, so it survives the exit that follows.
   */
  async raiseNow(alert: { check: string; subject: string; severity: 'warning' | 'critical'; message: string; value: number | null; threshold: number | null }): Promise<void> {
    const observedAt = new Date(this.deps.now()).toISOString();
    await this.deps.outbox.enqueue(ALERT_KINDS.raise, { id: this.deps.newId(), ...alert, message: alert.message.slice(0, 1024), observedAt }, 'high');
    this.deps.logger.warn('agent alert raised', { check: alert.check, subject: alert.subject });
  }

  /** The hub's policy (`policy.health`); undefined means the built-in defaults. */
  setPolicy(policy: HealthPolicy | undefined): void {
    this.policy = policy ?? DEFAULT_HEALTH_POLICY;
  }

  setInventory(document: InventoryDocument): void {
    this.inventory = document;
    const pending = document.security?.rebootPending;
    if (pending === true) this.rebootPendingSince ??= this.deps.now();
    else if (pending === false) this.rebootPendingSince = null;
  }

  /** Evaluates one sample; answers the transitions it queued. */
  async onSample(metrics: MetricsSample): Promise<Transition[]> {
    await this.load();
    const volumes = this.deps.sampleVolumes ? await this.deps.sampleVolumes() : null;
    const at = this.deps.now();
    const transitions = this.evaluator.evaluate({ at, metrics, volumes, inventory: this.inventory, policy: this.policy, rebootPendingSince: this.rebootPendingSince });
    const observedAt = new Date(at).toISOString();
    for (const t of transitions) {
      if (t.type === 'raise') {
        const { type: _t, ...rest } = t;
        await this.deps.outbox.enqueue(ALERT_KINDS.raise, { id: this.deps.newId(), ...rest, message: rest.message.slice(0, 1024), observedAt }, 'high');
        this.open.set(`${t.check}\u0000${t.subject}`, { check: t.check, subject: t.subject, severity: t.severity, message: t.message.slice(0, 1024) });
      } else {
        this.open.delete(`${t.check}\u0000${t.subject}`);
        await this.deps.outbox.enqueue(ALERT_KINDS.clear, { id: this.deps.newId(), check: t.check, subject: t.subject, observedAt }, 'high');
      }
      this.deps.logger.info(t.type === 'raise' ? 'health alert raised' : 'health alert cleared', { check: t.check, subject: t.subject });
    }
    if (transitions.length > 0 || this.rebootPendingSince !== this.savedRebootSince) await this.persist();
    return transitions;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.deps.stateFile) return;
      const state = await this.deps.stateFile.load();
      this.evaluator = new HealthEvaluator(undefined, state.raised);
      this.rebootPendingSince ??= state.rebootPendingSince;
      this.savedRebootSince = state.rebootPendingSince;
    })();
    return this.loaded;
  }

  private async persist(): Promise<void> {
    if (!this.deps.stateFile) return;
    try {
      await this.deps.stateFile.save({ v: 1, raised: this.evaluator.raisedKeys(), rebootPendingSince: this.rebootPendingSince });
      this.savedRebootSince = this.rebootPendingSince;
    } catch (e) {
      this.deps.logger.warn('health state not saved', { error: String(e) });
    }
  }
}
