import type { DeviceStatus } from '@deskside/protocol';
import type { DeclaredPresence, DeviceRecord, PresenceFlush } from '@deskside/store';

/** The thresholds that turn silence into a status. */
export interface PresenceThresholds {
  heartbeatSeconds: number;
  offlineGraceSeconds: number;
  overdueHours: number;
}

/** What the tracker tells its owner. */
export interface PresenceListener {
  /** A device's status changed (for the console feed). */
  onStatusChange(deviceId: string, status: DeviceStatus): void;
  /** A socket still looks open but has been silent too long: the caller should drop it. */
  onStale(deviceId: string): void;
}

interface Entry {
  connected: boolean;
  /** Last heartbeat or connect: the last moment we know the device was alive. */
  lastSeenAt: Date | null;
  declared: DeclaredPresence;
  status: DeviceStatus;
  /** When a seeded "online" device must have reconnected by (hub restart grace). */
  graceUntil: Date | null;
  /** Whether lastSeen/declared/status must be written at the next flush. */
  dirty: boolean;
  /** lastSeenAt as last flushed, so heartbeats do not rewrite every row every few seconds. */
  flushedSeenAt: number | null;
}

/** lastSeenAt moves in the store at this resolution; the live value is served from memory. */
const SEEN_FLUSH_RESOLUTION_MS = 60_000;

/**
 * In-memory presence of every device. No timers: the owner calls `tick(now)` (every second at
 * runtime, by hand in tests), so the state machine is deterministic under a fake clock.
 */
export class PresenceTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly silentMs: number;
  private readonly overdueMs: number;

  constructor(
    thresholds: PresenceThresholds,
    private readonly listener: PresenceListener,
  ) {
    this.silentMs = (thresholds.heartbeatSeconds + thresholds.offlineGraceSeconds) * 1000;
    this.overdueMs = thresholds.overdueHours * 3600 * 1000;
  }

  /**
   * Starts from what the store remembers, so a restarted hub does not show everything online.
   * Devices that were online get one silence window to reconnect before they turn unreachable.
   * Devices already seen live (connected before seeding finished) are left alone.
   */
  seed(records: readonly DeviceRecord[], now: Date): void {
    for (const r of records) {
      if (this.entries.has(r.id) || r.revokedAt) continue;
      const seen = r.lastSeenAt ?? r.enrolledAt;
      const entry: Entry = {
        connected: false,
        lastSeenAt: seen,
        declared: r.declaredPresence,
        status: r.lastStatus ?? 'unreachable',
        graceUntil: r.lastStatus === 'online' ? new Date(now.getTime() + this.silentMs) : null,
        dirty: false,
        flushedSeenAt: r.lastSeenAt ? r.lastSeenAt.getTime() : null,
      };
      this.entries.set(r.id, entry);
      this.recompute(r.id, entry, now, false);
    }
  }

  connected(deviceId: string, now: Date): void {
    const e = this.entry(deviceId);
    e.connected = true;
    e.graceUntil = null;
    // A new connection means the device is back, whatever it said before leaving.
    e.declared = null;
    this.seen(e, now);
    this.recompute(deviceId, e, now, true);
  }

  heartbeat(deviceId: string, now: Date): void {
    const e = this.entry(deviceId);
    this.seen(e, now);
    this.recompute(deviceId, e, now, true);
  }

  /** The agent's own word: asleep, shut-down, or back (null). */
  declare(deviceId: string, declared: DeclaredPresence, now: Date): void {
    const e = this.entry(deviceId);
    if (e.declared !== declared) e.dirty = true;
    e.declared = declared;
    this.seen(e, now);
    this.recompute(deviceId, e, now, true);
  }

  disconnected(deviceId: string, now: Date): void {
    const e = this.entries.get(deviceId);
    if (!e) return;
    e.connected = false;
    this.recompute(deviceId, e, now, true);
  }

  /** Re-evaluates every device against the clock. */
  tick(now: Date): void {
    for (const [id, e] of this.entries) this.recompute(id, e, now, true);
  }

  status(deviceId: string): DeviceStatus | undefined {
    return this.entries.get(deviceId)?.status;
  }

  lastSeen(deviceId: string): Date | null | undefined {
    return this.entries.get(deviceId)?.lastSeenAt;
  }

  forget(deviceId: string): void {
    this.entries.delete(deviceId);
  }

  /** The updates the store has not seen yet; marks them flushed. */
  drainDirty(): PresenceFlush[] {
    const out: PresenceFlush[] = [];
    for (const [deviceId, e] of this.entries) {
      if (!e.dirty) continue;
      e.dirty = false;
      e.flushedSeenAt = e.lastSeenAt ? e.lastSeenAt.getTime() : null;
      out.push({ deviceId, lastSeenAt: e.lastSeenAt, declaredPresence: e.declared, lastStatus: e.status });
    }
    return out;
  }

  /** Puts updates back after a failed flush, so they are retried. */
  markDirty(deviceIds: readonly string[]): void {
    for (const id of deviceIds) {
      const e = this.entries.get(id);
      if (e) e.dirty = true;
    }
  }

  private entry(deviceId: string): Entry {
    let e = this.entries.get(deviceId);
    if (!e) {
      e = { connected: false, lastSeenAt: null, declared: null, status: 'unreachable', graceUntil: null, dirty: true, flushedSeenAt: null };
      this.entries.set(deviceId, e);
    }
    return e;
  }

  private seen(e: Entry, now: Date): void {
    e.lastSeenAt = now;
    if (e.flushedSeenAt === null || now.getTime() - e.flushedSeenAt >= SEEN_FLUSH_RESOLUTION_MS) e.dirty = true;
  }

  private recompute(deviceId: string, e: Entry, now: Date, notify: boolean): void {
    if (e.connected && !e.declared && this.silentFor(e, now) > this.silentMs) {
      // Heartbeats stopped but the socket looks open (network pulled): stop trusting it.
      e.connected = false;
      this.listener.onStale(deviceId);
    }
    const next = this.evaluate(e, now);
    if (next === e.status) return;
    e.status = next;
    e.dirty = true;
    if (notify) this.listener.onStatusChange(deviceId, next);
  }

  private evaluate(e: Entry, now: Date): DeviceStatus {
    if (e.declared) return e.declared;
    if (e.connected) return 'online';
    if (e.graceUntil && now < e.graceUntil) return 'online';
    return this.silentFor(e, now) > this.overdueMs ? 'overdue' : 'unreachable';
  }

  private silentFor(e: Entry, now: Date): number {
    return e.lastSeenAt ? now.getTime() - e.lastSeenAt.getTime() : Number.POSITIVE_INFINITY;
  }
}
