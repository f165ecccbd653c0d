import { describe, expect, it } from 'vitest';
import { countBySeverity, openCriticalCount, recentAlerts, worstDevices } from './alert-summary.js';
import { makeAlert } from './test-alerts.js';
import { makeDevice } from './test-devices.js';

describe('countBySeverity', () => {
  it('counts unresolved alerts per severity and state, every cell present', () => {
    const counts = countBySeverity([
      makeAlert({ severity: 'critical', state: 'open' }),
      makeAlert({ severity: 'critical', state: 'acknowledged' }),
      makeAlert({ severity: 'critical', state: 'open' }),
      makeAlert({ severity: 'info', state: 'snoozed' }),
      makeAlert({ severity: 'warning', state: 'resolved' }),
    ]);
    expect(counts).toEqual({
      critical: { open: 2, acknowledged: 1, snoozed: 0 },
      warning: { open: 0, acknowledged: 0, snoozed: 0 },
      info: { open: 0, acknowledged: 0, snoozed: 1 },
    });
  });
});

describe('openCriticalCount', () => {
  it('counts only critical alerts nobody acknowledged', () => {
    expect(
      openCriticalCount([
        makeAlert({ severity: 'critical' }),
        makeAlert({ severity: 'critical', state: 'acknowledged' }),
        makeAlert({ severity: 'warning' }),
      ]),
    ).toBe(1);
  });
});

describe('worstDevices', () => {
  it('ranks by critical, then warning, then unreachable/overdue, and leaves healthy devices out', () => {
    const healthy = makeDevice({ hostname: 'healthy' });
    const oneCritical = makeDevice({ hostname: 'one-critical' });
    const twoWarnings = makeDevice({ hostname: 'two-warnings' });
    const offline = makeDevice({ hostname: 'offline', status: 'unreachable' });
    const infoOnly = makeDevice({ hostname: 'info-only' });
    const snoozedOnly = makeDevice({ hostname: 'snoozed-only' });
    const alerts = [
      makeAlert({ deviceId: twoWarnings.id, severity: 'warning' }),
      makeAlert({ deviceId: twoWarnings.id, severity: 'warning', state: 'acknowledged' }),
      makeAlert({ deviceId: oneCritical.id, severity: 'critical' }),
      makeAlert({ deviceId: infoOnly.id, severity: 'info' }),
      makeAlert({ deviceId: snoozedOnly.id, severity: 'critical', state: 'snoozed' }),
    ];
    const ranked = worstDevices([healthy, infoOnly, offline, twoWarnings, oneCritical, snoozedOnly], alerts, 10);
    expect(ranked.map((c) => c.device.hostname)).toEqual(['one-critical', 'two-warnings', 'offline', 'info-only']);
    expect(ranked[1]).toMatchObject({ critical: 0, warning: 2, info: 0 });
    expect(worstDevices([oneCritical, twoWarnings], alerts, 1)).toHaveLength(1);
  });
});

describe('recentAlerts', () => {
  it('is the newest raised first, bounded', () => {
    const old = makeAlert({ raisedAt: '2026-03-10T10:00:00.000Z' });
    const fresh = makeAlert({ raisedAt: '2026-03-10T11:00:00.000Z' });
    expect(recentAlerts([old, fresh], 5).map((a) => a.id)).toEqual([fresh.id, old.id]);
    expect(recentAlerts([old, fresh], 1)).toHaveLength(1);
  });
});
