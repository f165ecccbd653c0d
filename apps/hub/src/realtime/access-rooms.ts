import type { ConsoleSocketData, DeviceSummary, SessionEnded } from '@deskside/protocol';
import { siteFilter } from '../services/access/site-scope.js';
import { FLEET_ROOM, type ConsoleNamespace } from './context.js';
import { isClustered } from '../services/cluster/cluster-adapter.js';

// Rooms that carry access decisions on /console: one per session (to end it), one per site (so a
// technician scoped to some sites is only ever sent those sites' devices).

export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

export function fleetSiteRoom(siteId: string): string {
  return `fleet-site:${siteId}`;
}

/** The fleet rooms a person watches: the whole fleet, or one room per site of their scope. */
export function fleetRoomsFor(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): string[] {
  const scope = siteFilter(who);
  return scope === undefined ? [FLEET_ROOM] : scope.map(fleetSiteRoom);
}

/** Whether anyone watches the fleet, whole or a site of it. */
export function hasFleetWatchers(nsp: ConsoleNamespace): boolean {
  if (isClustered(nsp)) return true;
  for (const [room, members] of nsp.adapter.rooms) {
    if (members.size > 0 && (room === FLEET_ROOM || room.startsWith('fleet-site:'))) return true;
  }
  return false;
}

/** Sends changed devices: all to whole-fleet watchers, each site's to that site's watchers. */
export function emitDevicesChanged(nsp: ConsoleNamespace, devices: DeviceSummary[]): void {
  nsp.to(FLEET_ROOM).emit('devices:changed', { devices });
  const bySite = new Map<string, DeviceSummary[]>();
  for (const d of devices) bySite.set(d.siteId, [...(bySite.get(d.siteId) ?? []), d]);
  for (const [siteId, group] of bySite) nsp.to(fleetSiteRoom(siteId)).emit('devices:changed', { devices: group });
}

/** Removed ids go to every fleet watcher: opaque ids, no device data. */
export function emitDevicesRemoved(nsp: ConsoleNamespace, ids: string[]): void {
  // Local rooms; in a cluster the whole-fleet room too (watchers may be on another hub).
  const rooms = [...new Set([...(isClustered(nsp) ? [FLEET_ROOM] : []), ...nsp.adapter.rooms.keys()])].filter((r) => r === FLEET_ROOM || r.startsWith('fleet-site:'));
  if (rooms.length > 0) nsp.to(rooms).emit('devices:removed', { ids });
}

/** Tells the sockets of these sessions their session is over, then disconnects them (in that order on the wire). */
export function endSessionSockets(nsp: ConsoleNamespace, sessionIds: readonly string[], reason: SessionEnded['reason']): void {
  if (sessionIds.length === 0) return;
  const rooms = sessionIds.map(sessionRoom);
  nsp.to(rooms).emit('session:ended', { reason });
  nsp.in(rooms).disconnectSockets(false);
}
