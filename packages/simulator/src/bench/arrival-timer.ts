/** The key an alert is known by on both ends: device, check, subject (the protocol's alert key). */
export function alertKey(deviceId: string, check: string, subject: string): string {
  return `${deviceId}\u0000${check}\u0000${subject}`;
}

/**
 * Times things from when one side sends them to when the other side first sees them, by key.
 * Both times must come from the same clock (`performance.now()` of one thread).
 */
export class ArrivalTimer {
  private readonly pending = new Map<string, number>();
  private readonly measured: number[] = [];
  private dropped = 0;

  sent(key: string, at: number): void {
    this.pending.set(key, at);
  }

  /** The first sighting of a sent key counts; later ones (updates, other rooms) do not. */
  arrived(key: string, at: number): boolean {
    const sentAt = this.pending.get(key);
    if (sentAt === undefined) return false;
    this.pending.delete(key);
    this.measured.push(at - sentAt);
    return true;
  }

  /** The sender learned it failed (a refused write): it will never arrive and is not a latency. */
  abandon(key: string): void {
    if (this.pending.delete(key)) this.dropped++;
  }

  get latencies(): readonly number[] {
    return this.measured;
  }

  /** Sent, not refused, and not seen (yet). */
  get outstanding(): number {
    return this.pending.size;
  }

  get abandoned(): number {
    return this.dropped;
  }

  /**
   * Latencies with every outstanding key counted as never arriving (Infinity): a lost alert did
   * not reach the console within any bound, so it must weigh on the percentiles, not vanish.
   */
  latenciesCountingLost(): number[] {
    return [...this.measured, ...Array.from({ length: this.pending.size }, () => Number.POSITIVE_INFINITY)];
  }
}
