import type { Alert, AlertEvent } from '@deskside/protocol';
import type { AlertListFilter, AlertPatch, AlertRecord, Repositories, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { ServiceError } from '../service-error.js';
import { clearIn, FLAP_WINDOW_MS, queueNotification, raiseIn, type Actor, type KeyInput, type LifecycleEnv, type Outcome, type RaiseInput } from './alert-lifecycle.js';
import { toAlert, toAlertEvent } from './alert-presenter.js';
import { AutoTickets } from './auto-ticket.js';
import type { PolicyService } from './policy-service.js';
import type { TicketHook } from './ticket-hook.js';

export interface AlertServiceDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  policies: PolicyService;
  /** Whether critical alerts are queued for the webhook (one is configured). */
  notificationsEnabled: boolean;
  /** Automatic tickets for critical alerts of checks the policy names; absent: none. */
  tickets?: TicketHook;
}

/** What the alert service tells the rest of the hub after a commit. */
export interface AlertListener {
  /** These alerts changed (console feed). */
  changed(alertIds: readonly string[]): void;
  /** Notifications were queued (the notifier should look). */
  notificationsQueued(): void;
}

const MAX_SNOOZE_MS = 90 * 24 * 3600_000;
const UNRESOLVED = ['open', 'acknowledged', 'snoozed'] as const;

/**
 * Alerts: agents and hub checks raise and clear them (see alert-lifecycle.ts), technicians
 * acknowledge, snooze and resolve them, and `tick` ends snoozes and quiet flapping. Every change
 * writes an alert_events row in the same transaction. Maintenance: while a device's
 * `maintenanceUntil` is in the future, alerts it raises are stored `snoozed` until that instant
 * (so not shown as open, not notified, no automatic ticket); if still active then, they come back
 * `open` (notified and ticketed then).
 */
export class AlertService {
  private readonly listeners = new Set<AlertListener>();
  private readonly autoTickets: AutoTickets | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AlertServiceDeps) {
    const { store, clock, newId, logger, policies, tickets } = deps;
    this.autoTickets = tickets ? new AutoTickets({ store, clock, newId, logger, policies, tickets }) : undefined;
  }

  onChange(listener: AlertListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  env(): LifecycleEnv {
    return { now: this.deps.clock(), newId: this.deps.newId, notify: this.deps.notificationsEnabled };
  }

  /** Raise inside the caller's transaction (agent writes use the idempotent-write transaction). */
  raiseIn(tx: Repositories, input: RaiseInput): Promise<Outcome> {
    return raiseIn(tx, input, this.env());
  }

  clearIn(tx: Repositories, input: KeyInput): Promise<Outcome> {
    return clearIn(tx, input, this.env());
  }

  async raise(input: RaiseInput): Promise<Outcome> {
    const outcome = await this.deps.store.transaction((tx) => this.raiseIn(tx, input));
    this.afterCommit(outcome, input.deviceId);
    return outcome;
  }

  async clear(input: KeyInput): Promise<Outcome> {
    const outcome = await this.deps.store.transaction((tx) => this.clearIn(tx, input));
    this.afterCommit(outcome, input.deviceId);
    return outcome;
  }

  /** The effects of a committed transition: console feed, notifier, automatic ticket. */
  afterCommit(outcome: Outcome, deviceId: string): void {
    if (outcome.changed && outcome.alertId) this.emitChanged([outcome.alertId]);
    if (outcome.notified) this.emitNotifications();
    // Any change that leaves a critical alert unsilenced may need its ticket (raised, escalated,
    // reopened); AutoTickets opens one per alert. Snoozed (maintenance) waits for `tick`.
    if (outcome.changed && outcome.alertId && outcome.severity === 'critical' && (outcome.state === 'open' || outcome.state === 'acknowledged')) {
      void this.autoTicket(outcome.alertId, outcome.check, deviceId);
    }
  }

  async list(filter: AlertListFilter): Promise<Alert[]> {
    return (await this.deps.store.alerts.list(filter)).map(toAlert);
  }

  /** Alerts that are not resolved (the console's live list). */
  unresolved(siteIds?: readonly string[]): Promise<Alert[]> {
    return this.list({ states: UNRESOLVED, ...(siteIds ? { siteIds } : {}) });
  }

  async get(id: string): Promise<{ record: AlertRecord; alert: Alert; events: AlertEvent[] } | undefined> {
    const record = await this.deps.store.alerts.findById(id);
    if (!record) return undefined;
    const events = await this.deps.store.alerts.events(id);
    return { record, alert: toAlert(record), events: events.map(toAlertEvent) };
  }

  async records(ids: readonly string[]): Promise<AlertRecord[]> {
    return this.deps.store.alerts.findMany(ids);
  }

  acknowledge(id: string, actor: Actor): Promise<Alert> {
    return this.technicianAction(id, actor, (a, now) => {
      if (a.state === 'acknowledged') return undefined;
      return { patch: { state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: actor.name, snoozedUntil: null }, action: 'acknowledged', details: null };
    });
  }

  snooze(id: string, until: Date, actor: Actor): Promise<Alert> {
    return this.technicianAction(id, actor, (a, now) => {
      if (until.getTime() <= now.getTime()) throw new ServiceError('invalid_payload', 'Snooze until a time in the future.');
      if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) throw new ServiceError('invalid_payload', 'Snooze for at most 90 days.');
      return { patch: { state: 'snoozed', snoozedUntil: until }, action: 'snoozed', details: `until ${until.toISOString()}` };
    });
  }

  resolve(id: string, note: string | undefined, actor: Actor): Promise<Alert> {
    return this.technicianAction(id, actor, () => ({
      patch: { state: 'resolved', resolvedAt: this.deps.clock(), resolvedBy: actor.name, snoozedUntil: null, flapping: false },
      action: 'resolved',
      details: note && note.trim() !== '' ? note.slice(0, 1024) : null,
    }), true);
  }

  /** Ends snoozes that are due and resolves flapping alerts that stayed clear for the flap window. */
  async tick(): Promise<void> {
    const now = this.deps.clock();
    const changed: string[] = [];
    const reopened: AlertRecord[] = [];
    let notified = false;
    for (const a of await this.deps.store.alerts.snoozeEnded(now)) {
      const done = await this.deps.store.transaction(async (tx) => {
        const current = await tx.alerts.findById(a.id);
        if (!current || current.state !== 'snoozed' || !current.snoozedUntil || current.snoozedUntil > now) return false;
        const stillActive = current.clearedAt === null;
        const patch: AlertPatch = stillActive
          ? { state: 'open', snoozedUntil: null, updatedAt: now }
          : { state: 'resolved', snoozedUntil: null, resolvedAt: now, resolvedBy: null, updatedAt: now };
        const env = this.env();
        if (stillActive && current.severity === 'critical' && !current.notified && !current.flapping && env.notify) {
          patch.notified = true;
          await queueNotification(tx, env, current);
          notified = true;
        }
        await tx.alerts.update(a.id, patch);
        await this.hubEvent(tx, a.id, now, stillActive ? 'reopened' : 'resolved', stillActive ? 'snooze ended; condition still active' : 'snooze ended; condition had cleared');
        if (stillActive && current.severity === 'critical') reopened.push(current);
        return true;
      });
      if (done) changed.push(a.id);
    }
    for (const a of await this.deps.store.alerts.flappingQuiet(new Date(now.getTime() - FLAP_WINDOW_MS))) {
      await this.deps.store.transaction(async (tx) => {
        await tx.alerts.update(a.id, { state: 'resolved', flapping: false, resolvedAt: now, resolvedBy: null, snoozedUntil: null, updatedAt: now });
        await this.hubEvent(tx, a.id, now, 'resolved', 'stopped flapping: clear for an hour');
      });
      changed.push(a.id);
    }
    if (changed.length > 0) this.emitChanged(changed);
    if (notified) this.emitNotifications();
    // Back from a snooze or maintenance and still critical: the ticket it did not get while silenced.
    for (const a of reopened) await this.autoTicket(a.id, a.check, a.deviceId);
  }

  /** When the device's maintenance window ends, or null when it is not in maintenance. */
  async maintenanceUntil(deviceId: string): Promise<Date | null> {
    const until = await this.deps.store.deviceHealth.maintenanceUntil(deviceId);
    return until && until > this.deps.clock() ? until : null;
  }

  /**
   * Sets or ends a device's maintenance window. Alerts silenced by the previous window follow the
   * new end (ending maintenance now returns them at the next tick, if still active).
   */
  async setMaintenance(deviceId: string, until: Date | null, actor: Actor): Promise<Date | null> {
    const now = this.deps.clock();
    if (until && until.getTime() - now.getTime() > MAX_SNOOZE_MS) throw new ServiceError('invalid_payload', 'Maintenance lasts at most 90 days.');
    const effective = until && until > now ? until : null;
    const moved = await this.deps.store.transaction(async (tx) => {
      if (!(await tx.devices.findById(deviceId))) throw new ServiceError('not_found', 'No such device.');
      const previous = await tx.deviceHealth.maintenanceUntil(deviceId);
      await tx.deviceHealth.setMaintenance(deviceId, effective);
      if (!previous) return [];
      const silenced = (await tx.alerts.list({ deviceId, states: ['snoozed'] })).filter((a) => a.snoozedUntil?.getTime() === previous.getTime());
      for (const a of silenced) {
        await tx.alerts.update(a.id, { snoozedUntil: effective ?? now, updatedAt: now });
        await tx.alerts.appendEvent({
          id: this.deps.newId(), alertId: a.id, at: now, actorType: actor.type, actorId: actor.id, actorName: actor.name,
          action: 'snoozed', details: effective ? `maintenance moved to ${effective.toISOString()}` : 'maintenance ended',
        });
      }
      return silenced.map((a) => a.id);
    });
    if (moved.length > 0) {
      this.emitChanged(moved);
      await this.tick();
    }
    return effective;
  }

  private async technicianAction(
    id: string,
    actor: Actor,
    decide: (a: AlertRecord, now: Date) => { patch: AlertPatch; action: 'acknowledged' | 'snoozed' | 'resolved'; details: string | null } | undefined,
    allowResolved = false,
  ): Promise<Alert> {
    const now = this.deps.clock();
    const result = await this.deps.store.transaction(async (tx) => {
      const current = await tx.alerts.findById(id);
      if (!current) throw new ServiceError('not_found', 'No such alert.');
      if (current.state === 'resolved') {
        if (allowResolved) return { alert: current, changed: false };
        throw new ServiceError('conflict', 'This alert is already resolved.');
      }
      const decision = decide(current, now);
      if (!decision) return { alert: current, changed: false };
      const patch = { ...decision.patch, updatedAt: now };
      await tx.alerts.update(id, patch);
      await tx.alerts.appendEvent({ id: this.deps.newId(), alertId: id, at: now, actorType: actor.type, actorId: actor.id, actorName: actor.name, action: decision.action, details: decision.details });
      return { alert: { ...current, ...patch }, changed: true };
    });
    if (result.changed) this.emitChanged([id]);
    return toAlert(result.alert);
  }

  /** Resolves once the automatic tickets under way are opened and linked (tests, orderly shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private autoTicket(alertId: string, check: string, deviceId: string): Promise<void> {
    if (!this.autoTickets) return Promise.resolve();
    const tickets = this.autoTickets;
    const run = (async () => {
      try {
        if (await tickets.open(alertId, check, deviceId)) this.emitChanged([alertId]);
      } catch (err) {
        this.deps.logger.warn('a listener failed after an automatic ticket', { alertId, err: String(err) });
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return run;
  }

  private hubEvent(tx: Repositories, alertId: string, at: Date, action: 'reopened' | 'resolved', details: string): Promise<void> {
    return tx.alerts.appendEvent({ id: this.deps.newId(), alertId, at, actorType: 'hub', actorId: null, actorName: 'hub', action, details });
  }

  private emitChanged(ids: readonly string[]): void {
    for (const l of this.listeners) l.changed(ids);
  }

  private emitNotifications(): void {
    for (const l of this.listeners) l.notificationsQueued();
  }
}
