import type { DeviceStatus, DeviceSummary } from '@deskside/protocol';

/**
 * The browser's matches plus the hub's (inventory search), in fleet order, each once; the hub's
 * still pass the status filter here, since the live status can be newer than the hub's answer.
 */
export function mergeMatches(
  fleet: readonly DeviceSummary[],
  local: readonly DeviceSummary[],
  serverIds: ReadonlySet<string>,
  status: DeviceStatus | 'all',
): readonly DeviceSummary[] {
  if (serverIds.size === 0) return local;
  const localIds = new Set(local.map((d) => d.id));
  return fleet.filter((d) => localIds.has(d.id) || (serverIds.has(d.id) && (status === 'all' || d.status === status)));
}
