import type { DeviceStatus } from '@deskside/protocol';
import type { DeviceRecord } from '@deskside/store';
import { describe, expect, it } from 'vitest';
import { PresenceTracker } from './presence-tracker.js';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const HOUR = 3600;
const thresholds = { heartbeatSeconds: 30, offlineGraceSeconds: 45, overdueHours: 24 };

function tracker() {
  const changes: Array<[string, DeviceStatus]> = [];
  const stale: string[] = [];
  const t = new PresenceTracker(thresholds, {
    onStatusChange: (id, s) => changes.push([id, s]),
    onStale: (id) => stale.push(id),
  });
  return { t, changes, stale };
}

type Step = ['connect' | 'heartbeat' | 'disconnect' | 'tick' | 'asleep' | 'shut-down' | 'resume', number];

describe('presence state machine', () => {
  it.each<[string, Step[], DeviceStatus, boolean]>([
    ['connected and heartbeating', [['connect', 0], ['heartbeat', 30], ['tick', 60]], 'online', false],
    ['silent but within heartbeat + grace', [['connect', 0], ['tick', 75]], 'online', false],
    ['silent past heartbeat + grace (network pulled)', [['connect', 0], ['tick', 76]], 'unreachable', true],
    ['heartbeat late by the grace', [['connect', 0], ['heartbeat', 30], ['tick', 106]], 'unreachable', true],
    ['socket closed without a word', [['connect', 0], ['disconnect', 5]], 'unreachable', false],
    ['declared asleep, then gone', [['connect', 0], ['asleep', 5], ['disconnect', 6], ['tick', 10 * HOUR]], 'asleep', false],
    ['declared asleep, silent socket kept open', [['connect', 0], ['asleep', 5], ['tick', 2 * HOUR]], 'asleep', false],
    ['declared shut-down, then gone', [['connect', 0], ['shut-down', 5], ['disconnect', 6], ['tick', 60]], 'shut-down', false],
    ['asleep, then resumed', [['connect', 0], ['asleep', 5], ['resume', 100], ['tick', 110]], 'online', false],
    ['asleep, then reconnected', [['connect', 0], ['asleep', 5], ['disconnect', 6], ['connect', 500]], 'online', false],
    ['unreachable for a day', [['connect', 0], ['disconnect', 1], ['tick', 24 * HOUR + 2]], 'overdue', false],
    ['unreachable under a day', [['connect', 0], ['disconnect', 1], ['tick', 24 * HOUR]], 'unreachable', false],
    ['overdue, then back', [['connect', 0], ['disconnect', 1], ['tick', 30 * HOUR], ['connect', 31 * HOUR]], 'online', false],
  ])('%s', (_label, steps, expected, dropped) => {
    const { t, stale } = tracker();
    for (const [what, s] of steps) {
      const now = at(s);
      if (what === 'connect') t.connected('d1', now);
      else if (what === 'heartbeat') t.heartbeat('d1', now);
      else if (what === 'disconnect') t.disconnected('d1', now);
      else if (what === 'tick') t.tick(now);
      else if (what === 'resume') t.declare('d1', null, now);
      else t.declare('d1', what, now);
    }
    expect(t.status('d1')).toBe(expected);
    expect(stale.includes('d1')).toBe(dropped);
  });

  it('reports each change once, not every tick', () => {
    const { t, changes } = tracker();
    t.connected('d1', at(0));
    for (let s = 1; s < 200; s++) t.tick(at(s));
    expect(changes).toEqual([
      ['d1', 'online'],
      ['d1', 'unreachable'],
    ]);
  });

  const record = (overrides: Partial<DeviceRecord>): DeviceRecord => ({
    id: 'd1',
    siteId: 's1',
    machineId: 'm1',
    hostname: 'pc',
    keyHash: 'a'.repeat(64),
    enrolledAt: at(-100 * HOUR),
    lastSeenAt: at(-60),
    declaredPresence: null,
    lastStatus: 'online',
    inventoryHash: null,
    inventoryUpdatedAt: null,
    revokedAt: null,
    approval: 'active',
    os: null,
    cpu: null,
    ramBytes: null,
    diskUsedBytes: null,
    diskTotalBytes: null,
    ip: null,
    ...overrides,
  });

  it.each<[string, Partial<DeviceRecord>, number, DeviceStatus]>([
    ['was online: given one window to reconnect', {}, 10, 'online'],
    ['was online and did not come back', {}, 76, 'unreachable'],
    ['was asleep', { declaredPresence: 'asleep', lastStatus: 'asleep' }, 1000, 'asleep'],
    ['was unreachable', { lastStatus: 'unreachable' }, 0, 'unreachable'],
    ['silent for two days', { lastStatus: 'unreachable', lastSeenAt: at(-48 * HOUR) }, 0, 'overdue'],
    ['never seen since enrolment long ago', { lastStatus: null, lastSeenAt: null }, 0, 'overdue'],
  ])('seeded from the store: %s', (_label, overrides, tickAt, expected) => {
    const { t } = tracker();
    t.seed([record(overrides)], at(0));
    t.tick(at(tickAt));
    expect(t.status('d1')).toBe(expected);
  });

  it('does not let seeding overwrite a device that already connected', () => {
    const { t } = tracker();
    t.connected('d1', at(0));
    t.seed([record({ lastStatus: 'unreachable', lastSeenAt: at(-48 * HOUR) })], at(0));
    expect(t.status('d1')).toBe('online');
  });

  it('flushes status changes and declarations, but last-seen only once a minute', () => {
    const { t } = tracker();
    t.connected('d1', at(0));
    expect(t.drainDirty()).toEqual([{ deviceId: 'd1', lastSeenAt: at(0), declaredPresence: null, lastStatus: 'online' }]);
    t.heartbeat('d1', at(30));
    expect(t.drainDirty()).toEqual([]);
    t.heartbeat('d1', at(60));
    expect(t.drainDirty()).toHaveLength(1);
    t.declare('d1', 'asleep', at(61));
    expect(t.drainDirty()).toEqual([{ deviceId: 'd1', lastSeenAt: at(61), declaredPresence: 'asleep', lastStatus: 'asleep' }]);
    expect(t.lastSeen('d1')).toEqual(at(61));
  });
});
