import { describe, expect, it } from 'vitest';
import { filterDevices } from './fleet-filter.js';
import { makeDevice } from './test-devices.js';

const devices = [
  makeDevice({ hostname: 'RECEPTION-01', os: 'Windows 11 Pro', cpu: 'Intel Core i5', ip: '10.0.0.5' }),
  makeDevice({ hostname: 'lab-mac', os: 'macOS 14.5', cpu: 'Apple M2', ip: '10.0.1.7', status: 'asleep' }),
  makeDevice({ hostname: 'build-srv', os: null, cpu: null, ip: null, status: 'overdue' }),
];
const names = (list: readonly { hostname: string }[]) => list.map((d) => d.hostname);

describe('filterDevices', () => {
  it('returns everything for an empty filter', () => {
    expect(filterDevices(devices, { query: '  ', status: 'all' })).toBe(devices);
  });

  it('matches hostname, OS, CPU and IP case-insensitively', () => {
    expect(names(filterDevices(devices, { query: 'reception', status: 'all' }))).toEqual(['RECEPTION-01']);
    expect(names(filterDevices(devices, { query: 'MACOS', status: 'all' }))).toEqual(['lab-mac']);
    expect(names(filterDevices(devices, { query: 'm2', status: 'all' }))).toEqual(['lab-mac']);
    expect(names(filterDevices(devices, { query: '10.0.', status: 'all' }))).toEqual(['RECEPTION-01', 'lab-mac']);
  });

  it('requires every term to match', () => {
    expect(names(filterDevices(devices, { query: 'windows 10.0.1', status: 'all' }))).toEqual([]);
    expect(names(filterDevices(devices, { query: 'windows 10.0.0', status: 'all' }))).toEqual(['RECEPTION-01']);
  });

  it('filters by status, combined with the query', () => {
    expect(names(filterDevices(devices, { query: '', status: 'overdue' }))).toEqual(['build-srv']);
    expect(names(filterDevices(devices, { query: 'lab', status: 'overdue' }))).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    expect(names(filterDevices(devices, { query: 'pro10', status: 'all' }))).toEqual([]);
  });
});
