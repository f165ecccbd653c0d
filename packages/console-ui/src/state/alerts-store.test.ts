import { describe, expect, it } from 'vitest';
import { alertsReducer, compareAlerts, initialAlertsState, type AlertsState } from './alerts-store.js';
import { makeAlert } from './test-alerts.js';

const ids = (state: AlertsState) => state.live.map((a) => a.id);

describe('alertsReducer', () => {
  it('takes a snapshot, drops resolved alerts and sorts critical first, then newest', () => {
    const oldWarning = makeAlert({ severity: 'warning', raisedAt: '2026-03-10T10:00:00.000Z' });
    const newWarning = makeAlert({ severity: 'warning', raisedAt: '2026-03-10T11:00:00.000Z' });
    const info = makeAlert({ severity: 'info', raisedAt: '2026-03-10T12:00:00.000Z' });
    const critical = makeAlert({ severity: 'critical', raisedAt: '2026-03-09T08:00:00.000Z' });
    const resolved = makeAlert({ severity: 'critical', state: 'resolved' });
    const state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [oldWarning, info, resolved, newWarning, critical] });
    expect(state.loaded).toBe(true);
    expect(ids(state)).toEqual([critical.id, newWarning.id, oldWarning.id, info.id]);
    expect(state.byId.has(resolved.id)).toBe(false);
  });

  it('replaces everything on a new snapshot (nothing stale survives a reconnect)', () => {
    const a = makeAlert();
    const b = makeAlert();
    const first = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [a] });
    const second = alertsReducer(first, { type: 'snapshot', alerts: [b] });
    expect(ids(second)).toEqual([b.id]);
    expect(ids(first)).toEqual([a.id]);
  });

  it('upserts changes and removes alerts that resolved', () => {
    const a = makeAlert({ severity: 'warning' });
    const b = makeAlert({ severity: 'info' });
    let state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [a, b] });
    const escalated = { ...b, severity: 'critical' as const, updatedAt: '2026-03-10T12:05:00.000Z' };
    state = alertsReducer(state, { type: 'upsert', alerts: [escalated] });
    expect(ids(state)).toEqual([b.id, a.id]);
    state = alertsReducer(state, { type: 'upsert', alerts: [{ ...a, state: 'resolved', updatedAt: '2026-03-10T12:06:00.000Z' }] });
    expect(ids(state)).toEqual([b.id]);
  });

  it('never lets an older version of an alert replace a newer one', () => {
    const newer = makeAlert({ occurrences: 3, updatedAt: '2026-03-10T12:10:00.000Z' });
    let state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [newer] });
    state = alertsReducer(state, { type: 'upsert', alerts: [{ ...newer, occurrences: 2, updatedAt: '2026-03-10T12:09:00.000Z' }] });
    expect(state.live[0]?.occurrences).toBe(3);
  });

  it('shows a pending acknowledge at once and rolls it back when settled without the hub agreeing', () => {
    const a = makeAlert();
    let state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [a] });
    state = alertsReducer(state, { type: 'pending', id: a.id, change: { kind: 'acknowledge', at: '2026-03-10T12:01:00.000Z', by: 'alice' } });
    expect(state.live[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'alice' });
    expect(state.byId.get(a.id)?.state).toBe('open');
    state = alertsReducer(state, { type: 'settle', id: a.id });
    expect(state.live[0]?.state).toBe('open');
  });

  it('hides a pending resolve from the live list, and brings it back on failure', () => {
    const a = makeAlert();
    let state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [a] });
    state = alertsReducer(state, { type: 'pending', id: a.id, change: { kind: 'resolve', at: '2026-03-10T12:01:00.000Z', by: 'alice' } });
    expect(state.live).toEqual([]);
    state = alertsReducer(state, { type: 'settle', id: a.id });
    expect(ids(state)).toEqual([a.id]);
  });

  it('keeps the hub’s newer data when a pending snooze settles after a change arrived', () => {
    const a = makeAlert();
    let state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [a] });
    state = alertsReducer(state, { type: 'pending', id: a.id, change: { kind: 'snooze', until: '2026-03-10T13:00:00.000Z' } });
    expect(state.live[0]).toMatchObject({ state: 'snoozed', snoozedUntil: '2026-03-10T13:00:00.000Z' });
    const fromHub = { ...a, state: 'snoozed' as const, snoozedUntil: '2026-03-10T13:00:00.000Z', occurrences: 5, updatedAt: '2026-03-10T12:02:00.000Z' };
    state = alertsReducer(state, { type: 'upsert', alerts: [fromHub] });
    state = alertsReducer(state, { type: 'settle', id: a.id });
    expect(state.live[0]).toEqual(fromHub);
  });

  it('leaves the state untouched for no-op actions, and resets', () => {
    const state = alertsReducer(initialAlertsState, { type: 'snapshot', alerts: [makeAlert()] });
    expect(alertsReducer(state, { type: 'upsert', alerts: [] })).toBe(state);
    expect(alertsReducer(state, { type: 'settle', id: 'nope' })).toBe(state);
    expect(alertsReducer(state, { type: 'reset' })).toBe(initialAlertsState);
  });
});

describe('compareAlerts', () => {
  it('breaks ties by id so the order is stable', () => {
    const a = makeAlert({ id: '01JA0000000000000000000AAA' });
    const b = makeAlert({ id: '01JA0000000000000000000BBB' });
    expect([b, a].sort(compareAlerts).map((x) => x.id)).toEqual([a.id, b.id]);
  });
});
