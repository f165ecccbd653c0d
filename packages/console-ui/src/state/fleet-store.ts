import type { DeviceStatus, DeviceSummary } from '@deskside/protocol';
import { isProblem, STATUS_ORDER } from '../format/status.js';

/** The fleet as the console knows it: every device by id, plus the same devices in display order. */
export interface FleetState {
  readonly byId: ReadonlyMap<string, DeviceSummary>;
  /** Problems first (unreachable, overdue), then by hostname. */
  readonly sorted: readonly DeviceSummary[];
  /** Whether a snapshot has arrived (an empty fleet and "not loaded yet" look different). */
  readonly loaded: boolean;
}

export type FleetAction =
  /** The full fleet (the `fleet:watch` ack): replaces everything, so nothing missed while disconnected lingers. */
  | { type: 'snapshot'; devices: readonly DeviceSummary[] }
  /** `devices:changed`: insert or replace by id. */
  | { type: 'upsert'; devices: readonly DeviceSummary[] }
  /** `devices:removed`. */
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'reset' };

export const initialFleetState: FleetState = { byId: new Map(), sorted: [], loaded: false };

/** Pure reducer: every action returns a new state and leaves the old one untouched. */
export function fleetReducer(state: FleetState, action: FleetAction): FleetState {
  switch (action.type) {
    case 'snapshot': {
      const byId = new Map<string, DeviceSummary>();
      for (const device of action.devices) byId.set(device.id, device);
      return withSorted(byId, true);
    }
    case 'upsert': {
      if (action.devices.length === 0) return state;
      const byId = new Map(state.byId);
      for (const device of action.devices) byId.set(device.id, device);
      return withSorted(byId, state.loaded);
    }
    case 'remove': {
      if (!action.ids.some((id) => state.byId.has(id))) return state;
      const byId = new Map(state.byId);
      for (const id of action.ids) byId.delete(id);
      return withSorted(byId, state.loaded);
    }
    case 'reset':
      return initialFleetState;
  }
}

function withSorted(byId: Map<string, DeviceSummary>, loaded: boolean): FleetState {
  return { byId, sorted: sortDevices([...byId.values()]), loaded };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Display order: problems first, then hostname (natural: pc-2 before pc-10), then id for stability. */
export function compareDevices(a: DeviceSummary, b: DeviceSummary): number {
  const rank = Number(isProblem(b.status)) - Number(isProblem(a.status));
  if (rank !== 0) return rank;
  const byName = collator.compare(a.hostname, b.hostname);
  if (byName !== 0) return byName;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy. */
export function sortDevices(devices: readonly DeviceSummary[]): DeviceSummary[] {
  return [...devices].sort(compareDevices);
}

/** How many devices are in each status (every status present, zero when none). */
export function countByStatus(devices: Iterable<DeviceSummary>): Record<DeviceStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<DeviceStatus, number>;
  for (const device of devices) counts[device.status] += 1;
  return counts;
}
