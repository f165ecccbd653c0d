import { DeviceSummarySchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { countByStatus, fleetReducer, initialFleetState, sortDevices } from './fleet-store.js';
import { makeDevice } from './test-devices.js';

const hostnames = (devices: readonly { hostname: string }[]) => devices.map((d) => d.hostname);

describe('fleetReducer', () => {
  it('test fixtures are valid wire objects', () => {
    expect(DeviceSummarySchema.safeParse(makeDevice()).success).toBe(true);
  });

  it('a snapshot replaces everything and marks the fleet loaded', () => {
    const old = makeDevice({ hostname: 'old' });
    let state = fleetReducer(initialFleetState, { type: 'snapshot', devices: [old] });
    expect(state.loaded).toBe(true);
    const a = makeDevice({ hostname: 'a' });
    state = fleetReducer(state, { type: 'snapshot', devices: [a] });
    expect(hostnames(state.sorted)).toEqual(['a']);
    expect(state.byId.has(old.id)).toBe(false);
  });

  it('an empty snapshot is loaded but empty', () => {
    const state = fleetReducer(initialFleetState, { type: 'snapshot', devices: [] });
    expect(state.loaded).toBe(true);
    expect(state.sorted).toEqual([]);
  });

  it('upserts by id: replaces existing devices, adds new ones, re-sorts', () => {
    const a = makeDevice({ hostname: 'alpha' });
    const b = makeDevice({ hostname: 'bravo' });
    let state = fleetReducer(initialFleetState, { type: 'snapshot', devices: [a, b] });
    const c = makeDevice({ hostname: 'charlie' });
    state = fleetReducer(state, { type: 'upsert', devices: [{ ...b, status: 'overdue' }, c] });
    expect(hostnames(state.sorted)).toEqual(['bravo', 'alpha', 'charlie']);
    expect(state.byId.get(b.id)?.status).toBe('overdue');
    expect(state.byId.size).toBe(3);
  });

  it('the last copy of a device in one batch wins', () => {
    const a = makeDevice({ hostname: 'alpha' });
    const state = fleetReducer(initialFleetState, {
      type: 'upsert',
      devices: [a, { ...a, status: 'asleep' }],
    });
    expect(state.sorted).toHaveLength(1);
    expect(state.sorted[0]?.status).toBe('asleep');
  });

  it('removes by id and ignores unknown ids', () => {
    const a = makeDevice();
    const b = makeDevice();
    const state = fleetReducer(initialFleetState, { type: 'snapshot', devices: [a, b] });
    const after = fleetReducer(state, { type: 'remove', ids: [a.id, '01J0000000000000000000ZZZZ'] });
    expect([...after.byId.keys()]).toEqual([b.id]);
    expect(fleetReducer(after, { type: 'remove', ids: ['01J0000000000000000000ZZZZ'] })).toBe(after);
  });

  it('never mutates the previous state', () => {
    const a = makeDevice();
    const before = fleetReducer(initialFleetState, { type: 'snapshot', devices: [a] });
    const sortedBefore = before.sorted;
    fleetReducer(before, { type: 'upsert', devices: [makeDevice()] });
    fleetReducer(before, { type: 'remove', ids: [a.id] });
    expect(before.byId.size).toBe(1);
    expect(before.sorted).toBe(sortedBefore);
    expect(before.sorted).toHaveLength(1);
  });

  it('reset forgets the fleet (logout)', () => {
    const state = fleetReducer(initialFleetState, { type: 'snapshot', devices: [makeDevice()] });
    expect(fleetReducer(state, { type: 'reset' })).toBe(initialFleetState);
  });
});

describe('sortDevices', () => {
  it('puts unreachable and overdue first, then natural hostname order', () => {
    const devices = [
      makeDevice({ hostname: 'pc-10' }),
      makeDevice({ hostname: 'pc-2', status: 'asleep' }),
      makeDevice({ hostname: 'zeta', status: 'unreachable' }),
      makeDevice({ hostname: 'Alpha', status: 'shut-down' }),
      makeDevice({ hostname: 'beta', status: 'overdue' }),
    ];
    expect(hostnames(sortDevices(devices))).toEqual(['beta', 'zeta', 'Alpha', 'pc-2', 'pc-10']);
  });

  it('orders identical hostnames by id so the order is stable', () => {
    const a = makeDevice({ hostname: 'dup' });
    const b = makeDevice({ hostname: 'dup' });
    expect(sortDevices([b, a]).map((d) => d.id)).toEqual([a.id, b.id]);
  });
});

describe('countByStatus', () => {
  it('counts every status, zero included', () => {
    const counts = countByStatus([
      makeDevice({ status: 'online' }),
      makeDevice({ status: 'online' }),
      makeDevice({ status: 'overdue' }),
    ]);
    expect(counts).toEqual({ online: 2, asleep: 0, 'shut-down': 0, unreachable: 0, overdue: 1 });
  });
});
