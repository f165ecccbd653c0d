import type { Alert, AlertSeverity } from '@deskside/protocol';

/** A technician action sent to the hub and not answered yet: shown at once, undone if it fails. */
export type PendingChange =
  | { kind: 'acknowledge'; at: string; by: string }
  | { kind: 'snooze'; until: string }
  | { kind: 'resolve'; at: string; by: string };

/** The live alerts as the console knows them. */
export interface AlertsState {
  /** What the hub said, unresolved alerts only, by id. */
  readonly byId: ReadonlyMap<string, Alert>;
  /** Optimistic changes awaiting the hub's answer, by alert id. */
  readonly pending: ReadonlyMap<string, PendingChange>;
  /** The live list: pending changes applied, resolved ones dropped; critical first, then newest. */
  readonly live: readonly Alert[];
  /** Whether a snapshot has arrived. */
  readonly loaded: boolean;
}

export type AlertsAction =
  /** The `alerts:watch` ack: replaces everything, so nothing resolved while disconnected lingers. */
  | { type: 'snapshot'; alerts: readonly Alert[] }
  /** `alerts:changed` (or an action's answer): insert or replace by id; resolved ones leave. */
  | { type: 'upsert'; alerts: readonly Alert[] }
  /** A technician action was sent: show its effect now. */
  | { type: 'pending'; id: string; change: PendingChange }
  /** The hub answered (either way): drop the optimistic change, the hub's data is the truth again. */
  | { type: 'settle'; id: string }
  | { type: 'reset' };

export const initialAlertsState: AlertsState = { byId: new Map(), pending: new Map(), live: [], loaded: false };

/** Pure reducer: every action returns a new state and leaves the old one untouched. */
export function alertsReducer(state: AlertsState, action: AlertsAction): AlertsState {
  switch (action.type) {
    case 'snapshot': {
      const byId = new Map<string, Alert>();
      for (const alert of action.alerts) if (alert.state !== 'resolved') byId.set(alert.id, alert);
      return withLive(byId, state.pending, true);
    }
    case 'upsert': {
      if (action.alerts.length === 0) return state;
      const byId = new Map(state.byId);
      for (const alert of action.alerts) {
        const known = byId.get(alert.id);
        // Batches and HTTP answers can cross: an older version never replaces a newer one.
        if (known !== undefined && Date.parse(known.updatedAt) > Date.parse(alert.updatedAt)) continue;
        if (alert.state === 'resolved') byId.delete(alert.id);
        else byId.set(alert.id, alert);
      }
      return withLive(byId, state.pending, state.loaded);
    }
    case 'pending': {
      const pending = new Map(state.pending);
      pending.set(action.id, action.change);
      return withLive(state.byId, pending, state.loaded);
    }
    case 'settle': {
      if (!state.pending.has(action.id)) return state;
      const pending = new Map(state.pending);
      pending.delete(action.id);
      return withLive(state.byId, pending, state.loaded);
    }
    case 'reset':
      return initialAlertsState;
  }
}

/** An alert as it looks with a pending change applied. */
export function applyPending(alert: Alert, change: PendingChange | undefined): Alert {
  if (change === undefined) return alert;
  switch (change.kind) {
    case 'acknowledge':
      return { ...alert, state: 'acknowledged', acknowledgedAt: change.at, acknowledgedBy: change.by };
    case 'snooze':
      return { ...alert, state: 'snoozed', snoozedUntil: change.until };
    case 'resolve':
      return { ...alert, state: 'resolved', resolvedAt: change.at, resolvedBy: change.by };
  }
}

function withLive(byId: ReadonlyMap<string, Alert>, pending: ReadonlyMap<string, PendingChange>, loaded: boolean): AlertsState {
  const live: Alert[] = [];
  for (const alert of byId.values()) {
    const shown = applyPending(alert, pending.get(alert.id));
    if (shown.state !== 'resolved') live.push(shown);
  }
  return { byId, pending, live: live.sort(compareAlerts), loaded };
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Display order: critical, warning, info; within a severity the newest raised first; then id. */
export function compareAlerts(a: Alert, b: Alert): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const byAge = Date.parse(b.raisedAt) - Date.parse(a.raisedAt);
  if (byAge !== 0 && !Number.isNaN(byAge)) return byAge;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
