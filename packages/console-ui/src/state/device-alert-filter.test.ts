import { describe, expect, it } from 'vitest';
import { filterByAlertState, parseDeviceAlertFilter } from './device-alert-filter.js';
import { makeAlert } from './test-alerts.js';
import { makeDevice } from './test-devices.js';

describe('filterByAlertState', () => {
  const quiet = makeDevice({ hostname: 'quiet' });
  const open = makeDevice({ hostname: 'open' });
  const acked = makeDevice({ hostname: 'acked' });
  const devices = [quiet, open, acked];
  const alerts = [
    makeAlert({ deviceId: open.id, state: 'open' }),
    makeAlert({ deviceId: acked.id, state: 'acknowledged' }),
    makeAlert({ deviceId: quiet.id, state: 'resolved' }),
  ];
  const names = (filter: Parameters<typeof filterByAlertState>[2]) => filterByAlertState(devices, alerts, filter).map((d) => d.hostname);

  it('filters devices by the state of their unresolved alerts', () => {
    expect(filterByAlertState(devices, alerts, 'all')).toBe(devices);
    expect(names('any')).toEqual(['open', 'acked']);
    expect(names('open')).toEqual(['open']);
    expect(names('acknowledged')).toEqual(['acked']);
    expect(names('snoozed')).toEqual([]);
    expect(names('none')).toEqual(['quiet']);
  });

  it('parses unknown values as no filter', () => {
    expect(parseDeviceAlertFilter('open')).toBe('open');
    expect(parseDeviceAlertFilter('<script>')).toBe('all');
  });
});
