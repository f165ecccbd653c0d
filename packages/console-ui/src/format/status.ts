import type { DeviceStatus } from '@deskside/protocol';

/** Every status in the order the fleet summary shows them. */
export const STATUS_ORDER: readonly DeviceStatus[] = ['online', 'asleep', 'shut-down', 'unreachable', 'overdue'];

const LABELS: Record<DeviceStatus, string> = {
  online: 'Online',
  asleep: 'Asleep',
  'shut-down': 'Shut down',
  unreachable: 'Unreachable',
  overdue: 'Overdue',
};

/** The word shown next to the colour, so status is never told by colour alone. */
export function statusLabel(status: DeviceStatus): string {
  return LABELS[status];
}

/** Statuses a technician should look at first. */
export function isProblem(status: DeviceStatus): boolean {
  return status === 'unreachable' || status === 'overdue';
}
