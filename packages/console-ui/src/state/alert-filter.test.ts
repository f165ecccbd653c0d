import { describe, expect, it } from 'vitest';
import { alertDevices, DEFAULT_ALERT_FILTER, filterAlerts } from './alert-filter.js';
import { makeAlert } from './test-alerts.js';

describe('filterAlerts', () => {
  const a = makeAlert({ state: 'open', severity: 'critical', deviceId: '01J00000000000000000000001' });
  const b = makeAlert({ state: 'acknowledged', severity: 'warning', deviceId: '01J00000000000000000000002' });
  const c = makeAlert({ state: 'snoozed', severity: 'critical', deviceId: '01J00000000000000000000002' });
  const all = [a, b, c];

  it('keeps everything (the same array) with the default filter', () => {
    expect(filterAlerts(all, DEFAULT_ALERT_FILTER)).toBe(all);
  });

  it('filters by state, severity and device together', () => {
    expect(filterAlerts(all, { ...DEFAULT_ALERT_FILTER, state: 'acknowledged' })).toEqual([b]);
    expect(filterAlerts(all, { ...DEFAULT_ALERT_FILTER, severity: 'critical' })).toEqual([a, c]);
    expect(filterAlerts(all, { state: 'snoozed', severity: 'critical', deviceId: c.deviceId })).toEqual([c]);
    expect(filterAlerts(all, { ...DEFAULT_ALERT_FILTER, deviceId: 'nope' })).toEqual([]);
  });
});

describe('alertDevices', () => {
  it('lists each device once, by hostname', () => {
    const list = alertDevices([
      makeAlert({ deviceId: '01J00000000000000000000010', hostname: 'pc-10' }),
      makeAlert({ deviceId: '01J00000000000000000000002', hostname: 'pc-2' }),
      makeAlert({ deviceId: '01J00000000000000000000010', hostname: 'pc-10' }),
    ]);
    expect(list).toEqual([
      { id: '01J00000000000000000000002', hostname: 'pc-2' },
      { id: '01J00000000000000000000010', hostname: 'pc-10' },
    ]);
  });
});
