import type { AlertSeverity } from '@deskside/protocol';
import type { AlertAction, AlertPatch, AlertRecord, AlertRow, AlertSource, Repositories } from '@deskside/store';

/** Raise/clear transitions within this window count towards flapping. */
export const FLAP_WINDOW_MS = 3600_000;
/** This many raise/clear transitions within the window make an alert flapping. */
export const FLAP_TRANSITIONS = 5;
const TRANSITIONS: readonly AlertAction[] = ['raised', 'reopened', 'cleared'];

export interface Actor {
  type: 'agent' | 'hub' | 'user';
  id: string | null;
  name: string;
}

export interface RaiseInput {
  deviceId: string;
  check: string;
  subject: string;
  source: AlertSource;
  severity: AlertSeverity;
  message: string;
  value: number | null;
  threshold: number | null;
  actor: Actor;
}

export interface KeyInput {
  deviceId: string;
  check: string;
  subject: string;
  actor: Actor;
}

/** What a transition did, for the effects that follow the commit. */
export interface Outcome {
  alertId: string | null;
  state: AlertRow['state'] | null;
  /** Something a console shows changed. */
  changed: boolean;
  /** A notification was queued in the same transaction. */
  notified: boolean;
  /** A brand-new alert (not an update or a reopen). */
  created: boolean;
  severity: AlertSeverity | null;
  check: string;
}

export interface LifecycleEnv {
  now: Date;
  newId: () => string;
  /** Queue webhook notifications for critical alerts (a webhook is configured). */
  notify: boolean;
}

/**
 * Raise, or update the open alert of the key. Within a transaction: one open alert per key holds
 * (the database enforces it too). A key that cleared less than an hour ago is reopened rather than
 * duplicated, so its transitions are counted on one alert: five within the hour make it flapping,
 * after which it stays open and is neither resolved by clears nor notified again.
 */
export async function raiseIn(tx: Repositories, input: RaiseInput, env: LifecycleEnv): Promise<Outcome> {
  const { now } = env;
  const latest = await tx.alerts.latestByKey(input.deviceId, input.check, input.subject);
  const maintenance = await tx.deviceHealth.maintenanceUntil(input.deviceId);
  const silenced = maintenance !== null && maintenance > now ? maintenance : null;
  const event = (alertId: string, action: AlertAction, details: string | null) =>
    tx.alerts.appendEvent({ id: env.newId(), alertId, at: now, actorType: input.actor.type, actorId: input.actor.id, actorName: input.actor.name, action, details });

  if (latest && latest.state !== 'resolved') {
    const patch: AlertPatch = {};
    const cameBack = latest.clearedAt !== null;
    const severityChanged = latest.severity !== input.severity;
    if (severityChanged) patch.severity = input.severity;
    if (latest.message !== input.message) patch.message = input.message;
    if (latest.value !== input.value) patch.value = input.value;
    if (latest.threshold !== input.threshold) patch.threshold = input.threshold;
    if (cameBack) {
      patch.clearedAt = null;
      patch.occurrences = latest.occurrences + 1;
      await event(latest.id, 'reopened', latest.flapping ? 'condition back (flapping)' : 'condition back');
    } else if (severityChanged || patch.message !== undefined) {
      await event(latest.id, 'updated', severityChanged ? `severity ${latest.severity} → ${input.severity}` : null);
    }
    if (Object.keys(patch).length === 0) return outcome(latest, false, false, false);
    patch.updatedAt = now;
    const notified = env.notify && !latest.notified && input.severity === 'critical' && latest.state === 'open' && !latest.flapping;
    if (notified) {
      patch.notified = true;
      await queueNotification(tx, env, { ...latest, ...patch });
    }
    await tx.alerts.update(latest.id, patch);
    return outcome({ ...latest, ...patch }, true, notified, false);
  }

  if (latest && latest.resolvedBy === null && latest.clearedAt !== null && now.getTime() - latest.clearedAt.getTime() < FLAP_WINDOW_MS) {
    const transitions = (await tx.alerts.countEvents(latest.id, TRANSITIONS, new Date(now.getTime() - FLAP_WINDOW_MS))) + 1;
    const flapping = latest.flapping || transitions >= FLAP_TRANSITIONS;
    const patch: AlertPatch = {
      state: silenced ? 'snoozed' : 'open',
      snoozedUntil: silenced,
      severity: input.severity,
      message: input.message,
      value: input.value,
      threshold: input.threshold,
      updatedAt: now,
      clearedAt: null,
      resolvedAt: null,
      resolvedBy: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      occurrences: latest.occurrences + 1,
      flapping,
    };
    await event(latest.id, 'reopened', silenced ? `condition back during maintenance (until ${silenced.toISOString()})` : 'condition back within the hour');
    if (flapping && !latest.flapping) await event(latest.id, 'flapping', `${transitions} raise/clear transitions within an hour: kept open`);
    const notified = env.notify && !latest.notified && !flapping && !silenced && input.severity === 'critical';
    if (notified) patch.notified = true;
    await tx.alerts.update(latest.id, patch);
    const next = { ...latest, ...patch };
    if (notified) await queueNotification(tx, env, next);
    return outcome(next, true, notified, false);
  }

  const row: AlertRow = {
    id: env.newId(),
    deviceId: input.deviceId,
    check: input.check,
    subject: input.subject,
    source: input.source,
    severity: input.severity,
    state: silenced ? 'snoozed' : 'open',
    message: input.message,
    value: input.value,
    threshold: input.threshold,
    raisedAt: now,
    updatedAt: now,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    snoozedUntil: silenced,
    resolvedAt: null,
    resolvedBy: null,
    flapping: false,
    occurrences: 1,
    ticketId: null,
    notified: env.notify && !silenced && input.severity === 'critical',
  };
  await tx.alerts.insert(row);
  await event(row.id, 'raised', silenced ? `raised during maintenance: silenced until ${silenced.toISOString()}` : null);
  if (row.notified) await queueNotification(tx, env, row);
  return outcome(row, true, row.notified, true);
}

/**
 * The condition is over: the open alert of the key resolves (whoever acknowledged or snoozed it).
 * A flapping alert stays open with `clearedAt` set; the hub resolves it once it stayed clear an hour.
 */
export async function clearIn(tx: Repositories, input: KeyInput, env: LifecycleEnv): Promise<Outcome> {
  const { now } = env;
  const latest = await tx.alerts.latestByKey(input.deviceId, input.check, input.subject);
  if (!latest || latest.state === 'resolved') return { ...outcome(latest ?? null, false, false, false), check: input.check };
  if (latest.clearedAt !== null) return outcome(latest, false, false, false);
  const event = (action: AlertAction, details: string | null) =>
    tx.alerts.appendEvent({ id: env.newId(), alertId: latest.id, at: now, actorType: input.actor.type, actorId: input.actor.id, actorName: input.actor.name, action, details });

  const transitions = (await tx.alerts.countEvents(latest.id, TRANSITIONS, new Date(now.getTime() - FLAP_WINDOW_MS))) + 1;
  const flapping = latest.flapping || transitions >= FLAP_TRANSITIONS;
  if (flapping) {
    const patch: AlertPatch = { clearedAt: now, updatedAt: now, flapping: true };
    await event('cleared', 'flapping: kept open until it stays clear for an hour');
    if (!latest.flapping) await event('flapping', `${transitions} raise/clear transitions within an hour: kept open`);
    await tx.alerts.update(latest.id, patch);
    return outcome({ ...latest, ...patch }, true, false, false);
  }
  const patch: AlertPatch = { state: 'resolved', clearedAt: now, resolvedAt: now, resolvedBy: null, snoozedUntil: null, updatedAt: now };
  await event('cleared', 'condition cleared: resolved');
  await tx.alerts.update(latest.id, patch);
  return outcome({ ...latest, ...patch }, true, false, false);
}

/** Queues the webhook notification of a critical alert, in the caller's transaction. */
export async function queueNotification(tx: Repositories, env: LifecycleEnv, alert: Pick<AlertRow, 'id' | 'deviceId' | 'check' | 'subject' | 'severity' | 'message' | 'raisedAt'>): Promise<void> {
  const device = await tx.devices.findById(alert.deviceId);
  await tx.notifications.enqueue({
    id: env.newId(),
    alertId: alert.id,
    createdAt: env.now,
    payload: {
      alertId: alert.id,
      hostname: device?.hostname ?? 'unknown device',
      check: alert.check,
      subject: alert.subject,
      severity: alert.severity,
      message: alert.message,
      raisedAt: alert.raisedAt.toISOString(),
    },
  });
}

function outcome(a: Pick<AlertRecord, 'id' | 'state' | 'severity' | 'check'> | null, changed: boolean, notified: boolean, created: boolean): Outcome {
  return { alertId: a?.id ?? null, state: a?.state ?? null, changed, notified, created, severity: a?.severity ?? null, check: a?.check ?? '' };
}
